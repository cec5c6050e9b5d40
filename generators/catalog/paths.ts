/** Where the catalog's pages live under generated/catalog/ (cost pages are another generator's). */

export const CATALOG_DIR = 'generated/catalog';
export const CATALOG_INDEX = `${CATALOG_DIR}/README.md`;

export const catalogPaths = {
  index: CATALOG_INDEX,
  environment: (env: string) => `${CATALOG_DIR}/environments/${env}.md`,
  service: (service: string) => `${CATALOG_DIR}/services/${service}.md`,
  /** The cost estimate of an environment (written by the cost generator, issue 14 item 5); linked only when produced. */
  cost: (env: string) => `${CATALOG_DIR}/cost/${env}.md`,
} as const;

/** Whether a repository path is a catalog page (any generator's). */
export function isCatalogPath(path: string): boolean {
  return path.startsWith(`${CATALOG_DIR}/`);
}

/** The generator name, as recorded in the manifest. */
export const CATALOG_GENERATOR = 'catalog';
