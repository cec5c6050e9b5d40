/**
 * Synthesis for tests that never blocks the worker for long: the same units `synthesize` runs (each
 * repository-wide generator once, each environment generator per environment), one at a time with
 * a turn of the event loop between them, so vitest's RPC (`onTaskUpdate`) is answered even on a
 * busy runner; output generators run last over what the others produced. The result is exactly
 * `synthesize(model, generators, all environments)`.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { GeneratedFile } from '../../generators/document.js';
import type { Generator } from '../../generators/generator.js';
import { generators as allGenerators } from '../../generators/index.js';
import type { PlatformModel } from '../../generators/model/types.js';
import { environmentFiles, synthesize } from '../../generators/pipeline.js';
import { byKey } from '../../generators/sort.js';

export async function synthesizeStepwise(model: PlatformModel, generators: readonly Generator[] = allGenerators): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  const producedBy = new Map<string, string>();
  const record = (generator: Generator, produced: GeneratedFile[]) => {
    for (const file of produced) {
      const other = producedBy.get(file.path);
      if (other) throw new Error(`two generators produce ${file.path}: ${other} and ${generator.name}`);
      producedBy.set(file.path, generator.name);
      files.push(file);
    }
  };
  for (const generator of generators) {
    if (generator.scope === 'output') continue;
    const units = generator.scope === 'repository' ? [[]] : model.environments.map((env) => [env.name]);
    for (const environments of units) {
      await nextTurn();
      record(generator, synthesize(model, [generator], { environments }));
    }
  }
  // Output generators (cost pages, then the catalog) read what was produced before them, as in `synthesize`.
  for (const generator of generators) {
    if (generator.scope !== 'output') continue;
    await nextTurn();
    record(generator, generator.generate(model, [...files], model.environments.map((env) => env.name)));
  }
  return files.sort(byKey((f) => f.path));
}

/** Maps in slices, yielding between them (for rendering or parsing hundreds of files). */
export async function mapStepwise<T, U>(items: readonly T[], map: (item: T) => U, slice = 25): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += slice) {
    await nextTurn();
    for (const item of items.slice(i, i + slice)) out.push(map(item));
  }
  return out;
}
