/**
 * The issue-12 goals of `pnpm bench`, each as a figure and a ratio against a floor measured in the
 * same run (`node -e 0`), so that the machine's load shows in both: `pnpm synth --check` on the
 * real repository (goal <= 12x the floor), `pnpm synth` writing changes (goal within 10% of
 * `--check`) and the peak memory of synth (goal <= 200 MB). Each is the median of a few runs after
 * a warm-up; synth with changes runs in a copy of the repository inside `.cache/` (ignored), where
 * one generated file is removed before each run so that synth has something to write, and again
 * after a source edit the bundle has not seen (so it is rebuilt first: the edit-synth cycle). The commands
 * are timed as a user runs them (through pnpm and the prebuilt bundle); their exit status is shown,
 * not asserted: a policy error still costs the same time.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = 5;
const CHANGED_FILE = 'generated/terraform/dev/network/main.tf.json';
/** Prints the process's peak resident memory (KiB) on descriptor 3 when it exits. */
const PEAK_MEMORY_HOOK = `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; process.on('exit', () => { try { writeSync(3, String(process.resourceUsage().maxRSS)); } catch {} });")}`;

interface Timed {
  ms: number;
  status: number | null;
  peakMiB?: number;
}

function timed(command: string, args: string[], cwd: string, before?: () => void): Timed {
  before?.();
  const started = performance.now();
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  const rss = Number(child.output[3] ?? '');
  return { ms, status: child.status, ...(rss > 0 ? { peakMiB: rss / 1024 } : {}) };
}

/** Median of RUNS runs after one warm-up (which also builds the bundle if it is missing). */
function median(run: () => Timed): Timed & { statuses: string } {
  run();
  const runs = Array.from({ length: RUNS }, run).sort((a, b) => a.ms - b.ms);
  const statuses = [...new Set(runs.map((r) => String(r.status)))].join(', ');
  return { ...runs[Math.floor(RUNS / 2)]!, peakMiB: Math.max(...runs.map((r) => r.peakMiB ?? 0)), statuses };
}

/** A working copy of the repository in `.cache/bench-repository` (sources and output; node_modules linked). */
function copyRepository(root: string): string {
  const copy = join(root, '.cache', 'bench-repository');
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const entry of readdirSync(root)) {
    if (!['node_modules', '.git', '.terraform', '.cache'].includes(entry)) cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Runs the goal measurements and returns the table's lines. */
export function issue12Goals(root: string): string[] {
  const floor = median(() => timed(process.execPath, ['-e', '0'], root));
  const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm';
  const check = median(() => timed(pnpm, ['--silent', 'synth', '--check'], root));
  const direct = median(() => timed(process.execPath, ['--import', PEAK_MEMORY_HOOK, 'scripts/bundle/run.mjs', 'synth', '--check'], root));
  const copy = copyRepository(root);
  let changes: Timed & { statuses: string };
  let edited: Timed & { statuses: string };
  try {
    changes = median(() => timed(pnpm, ['--silent', 'synth'], copy, () => rmSync(join(copy, CHANGED_FILE), { force: true })));
    // A source edit the bundle has never seen (a new comment each run): the bundle is rebuilt first.
    let edits = 0;
    const folder = readdirSync(join(copy, 'services')).sort().find((name) => existsSync(join(copy, 'services', name, 'service.ts')));
    const service = join(copy, 'services', folder ?? '', 'service.ts');
    edited = median(() => timed(pnpm, ['--silent', 'synth'], copy, () => appendFileSync(service, `// bench edit ${++edits}\n`)));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  const ratio = check.ms / floor.ms;
  const changeRatio = changes.ms / check.ms;
  const peak = direct.peakMiB ?? 0;
  return [
    `| goal (issue 12) | figure | ratio | goal | |`,
    `|---|---:|---:|---:|---|`,
    `| floor: \`node -e 0\` | ${seconds(floor.ms)} | 1x | | |`,
    `| \`pnpm synth --check\`, nothing changed (exit ${check.statuses}) | ${seconds(check.ms)} | ${ratio.toFixed(1)}x floor | <= 12x | ${verdict(ratio <= 12)} |`,
    `| the same without pnpm (\`node scripts/bundle/run.mjs synth --check\`) | ${seconds(direct.ms)} | ${(direct.ms / floor.ms).toFixed(1)}x floor | | |`,
    `| \`pnpm synth\` writing a changed file (exit ${changes.statuses}) | ${seconds(changes.ms)} | ${changeRatio.toFixed(2)}x \`--check\` | <= 1.10x | ${verdict(changeRatio <= 1.1)} |`,
    `| \`pnpm synth\` after editing a source (bundle rebuilt first; exit ${edited.statuses}) | ${seconds(edited.ms)} | ${(edited.ms / check.ms).toFixed(2)}x \`--check\` | | |`,
    `| peak memory of synth --check | ${peak.toFixed(0)} MiB | | <= 200 MB (190.7 MiB) | ${verdict(peak * 1.048576 <= 200)} |`,
  ];
}
