/**
 * Which files are environments: every `environments/<name>.ts` directly in environments/ except the
 * support modules below and tests (`*.test.ts`). Plain JavaScript so that the loading layer
 * (scripts/lib/sources.ts) and the prebuilt bundle's input list (scripts/bundle/inputs.mjs) share
 * one rule. A new support module in environments/ (shared settings every environment imports) is
 * added to SUPPORT_MODULES; until it is, synth reports it as an environment file without an
 * environment, so it can never be silently taken for one.
 */

/** Modules of environments/ that are not environments. */
export const SUPPORT_MODULES = ['compatibility', 'operations', 'operations-schema', 'patterns', 'platform', 'policy-exceptions', 'schema', 'schema-parts', 'support', 'types', 'versions'];

const ENVIRONMENT_FILE = /^environments\/([^/]+)\.ts$/;

/** The environment name a repository-relative path declares, or undefined when it is not an environment file. */
export function environmentFileName(path) {
  const name = ENVIRONMENT_FILE.exec(path)?.[1];
  if (name === undefined || name.endsWith('.test') || name.startsWith('.') || SUPPORT_MODULES.includes(name)) return undefined;
  return name;
}

/** The environment files among repository-relative paths, sorted by path. */
export function environmentFiles(paths) {
  return paths.filter((path) => environmentFileName(path) !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
