/**
 * The repository's environments and services, imported once by the loading layer (scripts/lib/sources.ts),
 * and the validated, resolved model built from them. Importing this module never throws for a broken
 * source: `repositorySources()` and `loadRepositoryModel()` do, with one line per problem.
 */
import { fileURLToPath } from 'node:url';
import { loadPlatform } from '../../generators/model/load.js';
import { environmentNames } from '../../generators/model/promotion.js';
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

/**
 * The names of the environment files that loaded, in promotion order, without validating anything
 * (for ordering output such as env-diff's sections even when the sources do not validate).
 */
export function repositoryEnvironmentNames(): string[] {
  const stages = imported.environments.flatMap(({ value }) => {
    const { name, promotesFrom } = (value ?? {}) as { name?: unknown; promotesFrom?: unknown };
    return typeof name === 'string' ? [{ name, promotesFrom: typeof promotesFrom === 'string' ? promotesFrom : null }] : [];
  });
  return environmentNames(stages);
}
