/**
 * Runs generators over the model, entirely in memory. Pure: same model, same files, in path order.
 * Output generators run last, over what the others produced.
 */
import type { GeneratedFile } from './document.js';
import type { Generator } from './generator.js';
import type { PlatformModel } from './model/types.js';
import { byKey } from './sort.js';

export interface SynthesizeOptions {
  /** Environments to generate; repository-wide generators always run. */
  environments: readonly string[];
}

export function synthesize(model: PlatformModel, generators: readonly Generator[], options: SynthesizeOptions): GeneratedFile[] {
  const producedBy = new Map<string, string>();
  const files: GeneratedFile[] = [];
  const collect = (generator: Generator, produced: GeneratedFile[]) => {
    for (const file of produced) {
      const other = producedBy.get(file.path);
      if (other) throw new Error(`two generators produce ${file.path}: ${other} and ${generator.name}`);
      producedBy.set(file.path, generator.name);
      files.push(file);
    }
  };
  // Read only when an environment or output generator runs (repository generators need no environments).
  const selected = () => model.environments.filter((env) => options.environments.includes(env.name));
  for (const generator of generators) {
    if (generator.scope === 'output') continue;
    if (generator.scope === 'repository') collect(generator, generator.generate(model));
    else if (generator.scope === 'environment') for (const env of selected()) collect(generator, generator.generate(env, model));
  }
  // Output generators read what was produced before them, so they run last, in registry order.
  for (const generator of generators) {
    if (generator.scope === 'output') collect(generator, generator.generate(model, [...files], options.environments));
  }
  return files.sort(byKey((f) => f.path));
}

/** One environment's generated files, in path order (what an output generator reads). */
export function environmentFiles(files: readonly GeneratedFile[], environment: string): GeneratedFile[] {
  return files.filter((f) => f.environment === environment).sort(byKey((f) => f.path));
}
