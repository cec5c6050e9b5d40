/**
 * The issue-12 goals for the developer loop, as figures and ratios against a floor measured in the
 * same run (`node -e 0`): `pnpm typecheck` (goal <= 15 s; warm, its incremental build info in
 * `.cache/typecheck/`, and cold, without it) with every `pnpm bench`, and the whole `pnpm test`
 * (goal <= 180 s on a quiet 2-core machine) with `pnpm bench --suite` only, since it takes minutes.
 * Wall time moves with the machine's load, so the load average before and after and the CPU time
 * of the children (user + system, from /proc on Linux) are printed with it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';

const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const load = () => loadavg()[0]!.toFixed(1);

/** CPU seconds (user + system) of this process's waited-for children so far; null off Linux. */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of /proc/<pid>/stat (cutime, cstime), counted from field 3 after the name.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

interface Timed {
  ms: number;
  cpu: number | null;
  status: number | null;
}

function timed(command: string, args: string[], cwd: string, stdio: 'ignore' | 'inherit' = 'ignore'): Timed {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawnSync(command, args, { cwd, stdio: ['ignore', stdio, stdio], env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  const cpuAfter = childrenCpuSeconds();
  return { ms, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, status: child.status };
}

const medianOf = (runs: Timed[]) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
const cpuText = (t: Timed) => (t.cpu === null ? '' : `, ${t.cpu.toFixed(1)} s CPU`);

function floorMs(root: string): number {
  return medianOf(Array.from({ length: 5 }, () => timed(process.execPath, ['-e', '0'], root))).ms;
}

/** `pnpm typecheck`: cold once (build info in a fresh place), then warm, median of 3. */
export function typecheckGoalLines(root: string): string[] {
  const floor = floorMs(root);
  const coldInfo = join(root, '.cache', 'bench-typecheck', 'cold.tsbuildinfo');
  rmSync(coldInfo, { force: true });
  const cold = timed(pnpm, ['--silent', 'exec', 'tsc', '--noEmit', '--tsBuildInfoFile', coldInfo], root);
  timed(pnpm, ['--silent', 'typecheck'], root);
  const warm = medianOf(Array.from({ length: 3 }, () => timed(pnpm, ['--silent', 'typecheck'], root)));
  return [
    `| \`pnpm typecheck\`, warm (build info in .cache/typecheck/; exit ${warm.status}) | ${seconds(warm.ms)}${cpuText(warm)} | ${(warm.ms / floor).toFixed(0)}x floor | <= 15 s | ${verdict(warm.ms <= 15_000)} |`,
    `| \`tsc --noEmit\` cold, without build info (exit ${cold.status}) | ${seconds(cold.ms)}${cpuText(cold)} | ${(cold.ms / floor).toFixed(0)}x floor | <= 15 s | ${verdict(cold.ms <= 15_000)} |`,
  ];
}

/** The whole `pnpm test` once, its output shown as it runs. */
export function suiteGoalLines(root: string): string[] {
  const floor = floorMs(root);
  const loadBefore = load();
  const suite = timed(pnpm, ['--silent', 'test'], root, 'inherit');
  return [
    `| goal (issue 12) | figure | ratio | goal | |`,
    `|---|---:|---:|---:|---|`,
    `| \`pnpm test\` (exit ${suite.status}; load average ${loadBefore} before, ${load()} after) | ${seconds(suite.ms)}${cpuText(suite)} | ${(suite.ms / floor).toFixed(0)}x floor | <= 180 s on a quiet 2-core machine | ${verdict(suite.ms <= 180_000)} |`,
  ];
}
