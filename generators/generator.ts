/**
 * The shapes of generator: per environment, once for the whole repository, and per environment over
 * what the others generated (documents derived from the output, such as the cost pages).
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

/** Runs after every other generator, once per environment, on that environment's generated files. */
export interface OutputGenerator {
  name: string;
  scope: 'output';
  generate(env: ResolvedEnvironment, files: readonly GeneratedFile[], model: PlatformModel): GeneratedFile[];
}

export type Generator = EnvironmentGenerator | RepositoryGenerator | OutputGenerator;
