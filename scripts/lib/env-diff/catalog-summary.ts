/**
 * The generated catalog (generated/catalog/) in the environment diff: documentation derived from
 * the output, so its pages are counted in one line, never diffed (the pull request's files show them).
 */
import { CATALOG_DIR, isCatalogPath } from '../../../generators/catalog/paths.js';
import type { Revision } from './revisions.js';
import type { CatalogChanges } from './types.js';

/** Added, changed and removed catalog pages among the changed files; undefined when none changed. */
export function catalogChanges(changedFiles: readonly string[], range: { base: Revision; head: Revision }): CatalogChanges | undefined {
  const pages = changedFiles.filter(isCatalogPath);
  if (pages.length === 0) return undefined;
  const before = new Set(range.base.list(CATALOG_DIR));
  const after = new Set(range.head.list(CATALOG_DIR));
  return {
    pages,
    added: pages.filter((p) => after.has(p) && !before.has(p)).length,
    changed: pages.filter((p) => after.has(p) && before.has(p)).length,
    removed: pages.filter((p) => !after.has(p)).length,
  };
}

/** One line for the comment, e.g. "Service catalog (`generated/catalog/`): 2 page(s) changed, 1 added." */
export function catalogLine(changes: CatalogChanges): string {
  const parts = [
    ...(changes.changed > 0 ? [`${changes.changed} page(s) changed`] : []),
    ...(changes.added > 0 ? [`${changes.added} added`] : []),
    ...(changes.removed > 0 ? [`${changes.removed} removed`] : []),
  ];
  return `**Service catalog** (\`${CATALOG_DIR}/\`): ${parts.join(', ')}; regenerated from the sources, not diffed here.`;
}
