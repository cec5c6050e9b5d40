/** The two shapes of generator: per environment, and once for the whole repository. */
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

export type Generator = EnvironmentGenerator | RepositoryGenerator;
