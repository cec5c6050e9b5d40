/**
 * `pnpm bench`'s cost line: the cost estimate and pages (generators/cost, run in every synth) against
 * the rest of generation, for the same model, each the fastest of three runs after a warm-up.
 */
import { costPagesGenerator } from '../../generators/cost/generator.js';
import { generators } from '../../generators/index.js';
import type { PlatformModel } from '../../generators/model/types.js';
import { synthesize } from '../../generators/pipeline.js';

const fastest = (run: () => unknown) =>
  Math.min(
    ...[0, 1, 2].map(() => {
      const started = performance.now();
      run();
      return performance.now() - started;
    }),
  );

export function costShare(model: PlatformModel): { files: number; note: string } {
  const environments = model.environments.map((e) => e.name);
  const others = generators.filter((g) => g.scope !== 'output');
  const files = synthesize(model, others, { environments });
  // Output generators alone, on the files the others produced (what synthesize does last).
  const pages = () => costPagesGenerator.generate(model, files, environments);
  pages();
  const base = fastest(() => synthesize(model, others, { environments }));
  const estimate = fastest(pages);
  return { files: files.length, note: `cost estimate and pages ${estimate.toFixed(1)} ms against the rest of generation ${base.toFixed(0)} ms: +${((estimate / base) * 100).toFixed(1)}%` };
}
