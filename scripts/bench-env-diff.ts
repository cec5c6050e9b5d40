#!/usr/bin/env tsx
/**
 * `tsx scripts/bench-env-diff.ts` (part of `pnpm bench`): wall time of the environment diff for a
 * typical pull request and for one with thousands of changed resources, on local temporary git
 * repositories (built first, not timed). Each scenario runs a few times; the median is reported.
 */
import { computeEnvDiff } from './lib/env-diff/compute.js';
import { renderJson } from './lib/env-diff/json.js';
import { renderMarkdown } from './lib/env-diff/markdown.js';
import { FIXTURE_ENVS, renderFixture } from './lib/env-diff/testing/fixture-platform.js';
import { createFixtureRepo } from './lib/env-diff/testing/fixture-repo.js';
import { allEnvironmentsChange, devOnlyChange, hugeChange, type Scenario } from './lib/env-diff/testing/scenarios.js';
import type { EnvDiff } from './lib/env-diff/types.js';

const RUNS = 3;

const SCENARIOS: { name: string; build: () => Scenario }[] = [
  { name: 'typical PR: dev only', build: devOnlyChange },
  { name: 'typical PR: all environments', build: allEnvironmentsChange },
  { name: 'huge PR: 1,500 routes + 500 ConfigMaps × 3 envs', build: () => hugeChange(1500, 500) },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

function changedResources(diff: EnvDiff): number {
  return Object.values(diff.environments).reduce((sum, env) => sum + env.terraform.items.length + env.kubernetes.items.length + env.argocd.items.length, 0);
}

const rows: string[][] = [['scenario', 'changed resources', 'diff (git + semantic)', 'markdown', 'json', 'comment size']];
for (const scenario of SCENARIOS) {
  const repo = createFixtureRepo('env-diff-bench-');
  try {
    const { base, head } = scenario.build();
    repo.commitTree(renderFixture(base), 'base');
    repo.commitTree(renderFixture(head), 'head');
    const timings = { diff: [] as number[], markdown: [] as number[], json: [] as number[] };
    let diff: EnvDiff | undefined;
    let comment = '';
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      diff = computeEnvDiff({ root: repo.root, base: 'main~1', head: 'main', defaultBranch: 'main', environments: FIXTURE_ENVS });
      timings.diff.push(performance.now() - start);
      start = performance.now();
      comment = renderMarkdown(diff);
      timings.markdown.push(performance.now() - start);
      start = performance.now();
      renderJson(diff);
      timings.json.push(performance.now() - start);
    }
    rows.push([
      scenario.name,
      String(changedResources(diff!)),
      seconds(median(timings.diff)),
      seconds(median(timings.markdown)),
      seconds(median(timings.json)),
      `${comment.length.toLocaleString('en-US')} chars`,
    ]);
  } finally {
    repo.remove();
  }
}

console.log(`pnpm env-diff benchmark (median of ${RUNS} runs; repositories built beforehand, not timed)`);
console.log(`| ${rows[0]!.join(' | ')} |`);
console.log(`|---|${rows[0]!.slice(1).map(() => '---:').join('|')}|`);
for (const row of rows.slice(1)) console.log(`| ${row.join(' | ')} |`);
console.log(`peak memory (RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
