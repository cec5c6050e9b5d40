/**
 * The three shapes of generator: per environment, once for the whole repository, and over the
 * output (after every other generator, reading what they produced, e.g. the cost pages, then the catalog).
 */
import type { GeneratedFile } from './document.js';
import type { PlatformModel, ResolvedEnvironment } from './model/types.js';

export interface EnvironmentGenerator {
  name: string;
  scope: 'environment';
  generate(env: ResolvedEnvironment, model: PlatformModel): GeneratedFile[];
}

export interface RepositoryGenerator {
  name: string;
  scope: 'repository';
  generate(model: PlatformModel): GeneratedFile[];
}

/**
 * Runs after every environment and repository generator, over the model and the files they produced
 * for the environments being synthesized. It must produce environment-scoped files only for those
 * environments, and repository-wide files only from what does not depend on which were selected.
 */
export interface OutputGenerator {
  name: string;
  scope: 'output';
  generate(model: PlatformModel, files: readonly GeneratedFile[], environments: readonly string[]): GeneratedFile[];
}

export type Generator = EnvironmentGenerator | RepositoryGenerator | OutputGenerator;
