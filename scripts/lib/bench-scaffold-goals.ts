/**
 * The issue-14 goals of `pnpm bench`: the own work of `pnpm new-service` and `pnpm promote` before
 * synth (their `prepare` phase: planning, validating, the source edits) takes under 0.5 s. Each runs
 * with --dry-run (everything up to writing, nothing written, no synth) in the repository itself,
 * the median of a few runs after a warm-up; the whole process (start-up and loading the sources,
 * as synth's `load` phase) is shown beside it, not judged.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { phaseMs } from './source-edit/phase-line.js';

const RUNS = 5;
const GOAL_MS = 500;
/** A name and route no repository has: the dry run must get through validation. */
const PROBE = 'bench-probe-service';

interface Run {
  wallMs: number;
  prepareMs: number;
  status: number | null;
}

function runOnce(root: string, args: string[]): Run {
  const started = performance.now();
  const child = spawnSync(process.execPath, [join(root, 'scripts/bundle/run.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { wallMs: performance.now() - started, prepareMs: phaseMs(child.stdout ?? '', 'prepare') ?? NaN, status: child.status };
}

function median(root: string, args: string[]): Run {
  runOnce(root, args);
  const runs = Array.from({ length: RUNS }, () => runOnce(root, args)).sort((a, b) => a.prepareMs - b.prepareMs);
  return runs[Math.floor(RUNS / 2)]!;
}

/** `lastEnvironment`: the environment at the end of the promotion order (it has a previous one to promote from). */
export function scaffoldGoals(root: string, lastEnvironment: string): string[] {
  const commands: [string, string[]][] = [
    ['`pnpm new-service … --route --needs --dry-run`', ['new-service', PROBE, '--team', 'bench', '--port', '8080', '--route', `/v1/${PROBE}`, '--needs', 'cache,secret:bench-key', '--dry-run']],
    [`\`pnpm promote --all --charts --to ${lastEnvironment} --dry-run\``, ['promote', '--all', '--charts', '--to', lastEnvironment, '--dry-run']],
  ];
  return [
    '| goal (issue 14): own work before synth | prepare | whole process | goal | |',
    '|---|---:|---:|---:|---|',
    ...commands.map(([label, args]) => {
      const run = median(root, args);
      const ok = run.status === 0 && run.prepareMs < GOAL_MS;
      return `| ${label} (exit ${run.status}) | ${run.prepareMs} ms | ${(run.wallMs / 1000).toFixed(2)} s | < ${GOAL_MS} ms | ${ok ? 'met' : 'NOT met'} |`;
    }),
  ];
}
