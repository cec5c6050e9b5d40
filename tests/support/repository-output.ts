/**
 * The real repository's model and generated output, computed once per test file (a module-level
 * memo: vitest gives each file its own module registry) and stepwise, so a test file's collection
 * never holds its worker for a whole synthesis. Tests of the real repository read it through here and
 * assert invariants that hold for any valid repository; they never name its services or pools.
 */
import type { GeneratedFile } from '../../generators/document.js';
import type { PlatformModel } from '../../generators/model/types.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { synthesizeStepwise } from './stepwise-synthesis.js';

export interface RepositoryOutput {
  model: PlatformModel;
  files: GeneratedFile[];
}

let shared: Promise<RepositoryOutput> | undefined;

export function repositoryOutput(): Promise<RepositoryOutput> {
  shared ??= (async () => {
    const model = loadRepositoryModel();
    return { model, files: await synthesizeStepwise(model) };
  })();
  return shared;
}
