/**
 * What the Argo CD risk rules ask of the repository, answered from the two revisions and cached:
 * how many objects an Application deployed at the base, and whether a path holds files at head.
 */
import type { ArgoCdContext } from './argocd-risks.js';
import { FILE_KIND, parseManifestFile } from './manifest-objects.js';
import type { Revision } from './revisions.js';

function cached<T>(compute: (path: string) => T): (path: string) => T {
  const cache = new Map<string, T>();
  return (path) => {
    if (!cache.has(path)) cache.set(path, compute(path));
    return cache.get(path)!;
  };
}

/** Paths that cannot be checked inside the repository (absolute, `..`, the root) count as present. */
const uncheckable = (path: string) => path === '' || path === '.' || path.startsWith('/') || path.split('/').includes('..');

export function argoCdContext(base: Revision, head: Revision): ArgoCdContext {
  return {
    baseObjectCount: cached((path) => {
      const files = base.list(path).filter((p) => /\.ya?ml$/.test(p));
      if (files.length === 0) return undefined;
      const texts = base.read(files);
      return files.reduce((sum, file) => sum + parseManifestFile(file, texts.get(file) ?? '').objects.filter((o) => o.kind !== FILE_KIND).length, 0);
    }),
    headHasFiles: cached((path) => uncheckable(path) || head.list(path.replace(/\/+$/, '')).length > 0),
  };
}
