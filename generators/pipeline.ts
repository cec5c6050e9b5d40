/** Runs generators over the model, entirely in memory. Pure: same model, same files, in path order. */
import type { EnvName } from '../environments/types.js';
import type { GeneratedFile } from './document.js';
import type { Generator } from './generator.js';
import type { PlatformModel } from './model/types.js';
import { byKey } from './sort.js';

export interface SynthesizeOptions {
  /** Environments to generate; repository-wide generators always run. */
  environments: readonly EnvName[];
}

export function synthesize(model: PlatformModel, generators: readonly Generator[], options: SynthesizeOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const generator of generators) {
    if (generator.scope === 'repository') {
      files.push(...generator.generate(model));
      continue;
    }
    for (const env of model.environments) {
      if (options.environments.includes(env.name)) files.push(...generator.generate(env, model));
    }
  }
  const seen = new Map<string, string>();
  for (const file of files) {
    const other = seen.get(file.path);
    if (other) throw new Error(`two generators produce ${file.path}: ${other} and ${file.generator}`);
    seen.set(file.path, file.generator);
  }
  return files.sort(byKey((f) => f.path));
}
