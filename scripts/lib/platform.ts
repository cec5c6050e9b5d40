/**
 * The repository's environments and services, imported once by the loading layer (scripts/lib/sources.ts),
 * and the validated, resolved model built from them. Importing this module never throws for a broken
 * source: `repositorySources()` and `loadRepositoryModel()` do, with one line per problem.
 */
import { fileURLToPath } from 'node:url';
import { loadPlatform } from '../../generators/model/load.js';
import type { PlatformModel } from '../../generators/model/types.js';
import { importRepositorySources, SourceLoadError, type RepositorySources } from './sources.js';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const imported = await importRepositorySources(REPOSITORY_ROOT);

/** The raw (unvalidated) sources; throws SourceLoadError when any source failed to load. */
export function repositorySources(): Omit<RepositorySources, 'problems'> {
  if (imported.problems.length > 0) throw new SourceLoadError(imported.problems);
  return { environments: imported.environments, services: imported.services };
}

export function loadRepositoryModel(): PlatformModel {
  const { environments, services } = repositorySources();
  return loadPlatform(environments, services);
}
