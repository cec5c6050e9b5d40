/**
 * The issue-12 goals of `pnpm bench`, each as a figure and a ratio against a floor measured in the
 * same run (`node -e 0`), so that the machine's load shows in both: `pnpm synth --check` on the
 * real repository with nothing changed since the last clean run (goal <= 12x the floor; answered by
 * that run's record, scripts/bundle/check-record.mjs), the same regenerating everything (`--full`,
 * what a fresh clone and CI run), `pnpm synth` writing changes (goal within 10% of `--check --full`:
 * both regenerate, so the ratio is what writing adds), `pnpm env-diff` after a one-value change (goal
 * within 1.2x `--check --full`) and the peak memory of a full check (goal <= 200 MB). Each is the
 * median of a few runs after a warm-up, the command and the one it is compared with run alternately
 * (paired), so a burst of load hits both. Synth with changes runs in a copy of the repository inside
 * `.cache/` (ignored), where one generated file is removed before each run so that synth has
 * something to write, and again after a source edit the bundle has not seen (so it is rebuilt first:
 * the edit-synth cycle). env-diff runs in that copy made a git repository: one image tag of the
 * first service edited and synthesized, then diffed against the commit before. The commands are
 * timed as a user runs them (through pnpm and the prebuilt bundle); their exit status is shown, not
 * asserted: a policy error still costs the same time.
 *
 * Other goals add a row through `goalRow` (e.g. the test-suite goals, measured elsewhere).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = 5;
const CHANGED_FILE = 'generated/terraform/dev/network/main.tf.json';
/** Prints the process's peak resident memory (KiB) on descriptor 3 when it exits. */
const PEAK_MEMORY_HOOK = `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; process.on('exit', () => { try { writeSync(3, String(process.resourceUsage().maxRSS)); } catch {} });")}`;
const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm';

export interface Timed {
  ms: number;
  status: number | null;
  peakMiB?: number;
}

export type Measured = Timed & { statuses: string };

/** One run of a command, timed from spawn to exit (`before` runs first, untimed). */
export function timed(command: string, args: string[], cwd: string, before?: () => void): Timed {
  before?.();
  const started = performance.now();
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  const rss = Number(child.output[3] ?? '');
  return { ms, status: child.status, ...(rss > 0 ? { peakMiB: rss / 1024 } : {}) };
}

function summary(runs: Timed[]): Measured {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const statuses = [...new Set(sorted.map((r) => String(r.status)))].join(', ');
  return { ...sorted[Math.floor(sorted.length / 2)]!, peakMiB: Math.max(...sorted.map((r) => r.peakMiB ?? 0)), statuses };
}

/** Median of RUNS runs after one warm-up (which also builds the bundle if it is missing). */
export function median(run: () => Timed): Measured {
  run();
  return summary(Array.from({ length: RUNS }, run));
}

/** Medians of two commands run alternately (after a warm-up of each): a paired comparison. */
export function paired(a: () => Timed, b: () => Timed): [Measured, Measured] {
  a();
  b();
  const runsA: Timed[] = [];
  const runsB: Timed[] = [];
  for (let i = 0; i < RUNS; i++) {
    runsA.push(a());
    runsB.push(b());
  }
  return [summary(runsA), summary(runsB)];
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

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One row of the goals table. `met` undefined: a figure without a goal of its own. */
export interface GoalRow {
  what: string;
  figure: string;
  ratio?: string;
  goal?: string;
  met?: boolean;
}

export const GOAL_TABLE_HEADER = ['| goal (issue 12) | figure | ratio | goal | |', '|---|---:|---:|---:|---|'];

export function goalRow(row: GoalRow): string {
  const verdict = row.met === undefined ? '' : row.met ? 'met' : 'NOT met';
  return `| ${row.what} | ${row.figure} | ${row.ratio ?? ''} | ${row.goal ?? ''} | ${verdict} |`;
}

const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
};

/**
 * Makes the copy a git repository (branch main, everything committed), edits one image tag of the
 * first service (a one-value change of what every environment's overrides hold) and synthesizes it,
 * untimed. Returns false when the repository has no such value to edit.
 */
function oneValueChange(copy: string): boolean {
  const folder = readdirSync(join(copy, 'services')).sort().find((name) => existsSync(join(copy, 'services', name, 'service.ts')));
  if (!folder) return false;
  const service = join(copy, 'services', folder, 'service.ts');
  const source = readFileSync(service, 'utf8');
  const edited = source.replace(/imageTag: '([^']+)'/, (_all, tag: string) => `imageTag: '${tag}-bench'`);
  if (edited === source) return false;
  git(copy, 'init', '-q', '-b', 'main');
  git(copy, 'add', '-A');
  git(copy, 'commit', '-q', '-m', 'base');
  writeFileSync(service, edited);
  return spawnSync(pnpm, ['--silent', 'synth'], { cwd: copy, stdio: 'ignore' }).status === 0;
}

/** Runs the goal measurements and returns the table's rows (header included) and the floor. */
export function issue12Goals(root: string): { rows: string[]; floorMs: number; checkMs: number } {
  const floor = median(() => timed(process.execPath, ['-e', '0'], root));
  // The warm-up of the first leaves the record of a clean check (scripts/bundle/check-record.mjs) that the timed runs find.
  const [check, full] = paired(
    () => timed(pnpm, ['--silent', 'synth', '--check'], root),
    () => timed(pnpm, ['--silent', 'synth', '--check', '--full'], root),
  );
  const direct = median(() => timed(process.execPath, ['--import', PEAK_MEMORY_HOOK, 'scripts/bundle/run.mjs', 'synth', '--check', '--full'], root));
  const copy = copyRepository(root);
  let changes: Measured;
  let fullInCopy: Measured;
  let edited: Measured;
  let envDiff: [Measured, Measured] | undefined;
  try {
    [changes, fullInCopy] = paired(
      () => timed(pnpm, ['--silent', 'synth'], copy, () => rmSync(join(copy, CHANGED_FILE), { force: true })),
      () => timed(pnpm, ['--silent', 'synth', '--check', '--full'], copy),
    );
    // A source edit the bundle has never seen (a new comment each run): the bundle is rebuilt first.
    let edits = 0;
    const folder = readdirSync(join(copy, 'services')).sort().find((name) => existsSync(join(copy, 'services', name, 'service.ts')));
    const service = join(copy, 'services', folder ?? '', 'service.ts');
    edited = median(() => timed(pnpm, ['--silent', 'synth'], copy, () => appendFileSync(service, `// bench edit ${++edits}\n`)));
    rmSync(copy, { recursive: true, force: true });
    const diffCopy = copyRepository(root);
    if (oneValueChange(diffCopy)) {
      envDiff = paired(
        () => timed(pnpm, ['--silent', 'env-diff', '--base', 'main'], diffCopy),
        () => timed(pnpm, ['--silent', 'synth', '--check', '--full'], diffCopy),
      );
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  const ratio = check.ms / floor.ms;
  const changeRatio = changes.ms / fullInCopy.ms;
  const peak = direct.peakMiB ?? 0;
  const rows = [
    ...GOAL_TABLE_HEADER,
    goalRow({ what: 'floor: `node -e 0`', figure: seconds(floor.ms), ratio: '1x' }),
    goalRow({
      what: `\`pnpm synth --check\`, nothing changed since the last clean run (its record answers; exit ${check.statuses})`,
      figure: seconds(check.ms),
      ratio: `${ratio.toFixed(1)}x floor`,
      goal: '<= 12x',
      met: ratio <= 12,
    }),
    goalRow({ what: `\`pnpm synth --check --full\`, everything regenerated (a fresh clone, CI; exit ${full.statuses})`, figure: seconds(full.ms), ratio: `${(full.ms / floor.ms).toFixed(1)}x floor` }),
    goalRow({ what: 'the same without pnpm (`node scripts/bundle/run.mjs synth --check --full`)', figure: seconds(direct.ms), ratio: `${(direct.ms / floor.ms).toFixed(1)}x floor` }),
    goalRow({ what: `\`pnpm synth\` writing a changed file (exit ${changes.statuses})`, figure: seconds(changes.ms), ratio: `${changeRatio.toFixed(2)}x \`--check --full\``, goal: '<= 1.10x', met: changeRatio <= 1.1 }),
    goalRow({ what: `\`pnpm synth\` after editing a source (bundle rebuilt first; exit ${edited.statuses})`, figure: seconds(edited.ms), ratio: `${(edited.ms / fullInCopy.ms).toFixed(2)}x \`--check --full\`` }),
    envDiff
      ? goalRow({
          what: `\`pnpm env-diff\`, one image tag changed and synthesized (exit ${envDiff[0].statuses})`,
          figure: seconds(envDiff[0].ms),
          ratio: `${(envDiff[0].ms / envDiff[1].ms).toFixed(2)}x \`--check --full\` (${seconds(envDiff[1].ms)})`,
          goal: '<= 1.2x',
          met: envDiff[0].ms / envDiff[1].ms <= 1.2,
        })
      : goalRow({ what: '`pnpm env-diff`, one value changed: no `imageTag` to edit in the first service, not measured', figure: '—' }),
    goalRow({ what: 'peak memory of synth --check --full', figure: `${peak.toFixed(0)} MiB`, goal: '<= 200 MB (190.7 MiB)', met: peak * 1.048576 <= 200 }),
  ];
  return { rows, floorMs: floor.ms, checkMs: check.ms };
}
