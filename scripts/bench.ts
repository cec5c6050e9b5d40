#!/usr/bin/env tsx
/**
 * `pnpm bench`: times synth (load + validate + generate + render + plan against disk) for the real
 * environments and for a scaled in-memory fixture, each scenario in its own process so that the
 * peak memory reported is that scenario's own, then the environment diff (scripts/bench-env-diff.ts).
 * A benchmark, not a test: it asserts nothing. `--help` explains; any other flag is refused.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENV_NAMES } from '../environments/types.js';
import { generators } from '../generators/index.js';
import { loadPlatform } from '../generators/model/load.js';
import { resolvePlatform } from '../generators/model/resolve.js';
import { synthesize } from '../generators/pipeline.js';
import { renderFile } from '../generators/render.js';
import { loadRepositoryModel, repositorySources } from './lib/platform.js';
import { scaledEnvironments, scaledServices } from './lib/scaled-fixture.js';
import { planSync } from './lib/writer.js';
import { todayUtc } from './lib/clock.js';
import { parseCommandLine, runCli } from './lib/cli.js';
import { BENCH_HELP } from './lib/command-help.js';
import { issue12Goals } from './lib/bench-goals.js';
import { costShare } from './lib/bench-cost.js';
import { checkPolicies } from '../policies/check.js';
import { platformReadinessRules, rules } from '../policies/index.js';
import type { GeneratedFile } from '../generators/document.js';
import type { EnvName } from '../environments/types.js';
import type { PlatformModel } from '../generators/model/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Whether this runs from the prebuilt bundle (`pnpm bench`) or through tsx (`tsx scripts/bench.ts`); children run the same way. */
const fromBundle = (globalThis as { platformGitopsBundle?: unknown }).platformGitopsBundle !== undefined;
const childArgs = (script: 'bench' | 'bench-env-diff', ...args: string[]) =>
  fromBundle ? [join(root, 'scripts/bundle/run.mjs'), script, ...args] : [...process.execArgv, join(root, `scripts/${script}.ts`), ...args];
const SERVICES = 200;
const ENVIRONMENTS = 5;

/**
 * The readiness checks (bring-up, traffic, admission, wiring, end of support) against synth
 * without them, in the same process: synth (model, generate, the other policies, render) and the
 * readiness checks alone over the same files, each the fastest of three runs after a warm-up. The
 * readiness run groups the documents again, so its share is if anything overstated.
 */
function readinessShare(model: () => PlatformModel, environments: readonly EnvName[]): { files: number; note: string } {
  const others = rules.filter((rule) => !platformReadinessRules.includes(rule));
  const today = todayUtc();
  let files: GeneratedFile[] = [];
  let platform: PlatformModel | undefined;
  const synthWithoutReadiness = () => {
    platform = model();
    files = synthesize(platform, generators, { environments });
    checkPolicies({ files, environments: platform.environments, today, rules: others });
    for (const file of files) renderFile(file);
  };
  const readiness = () => checkPolicies({ files, environments: platform!.environments, today, rules: platformReadinessRules });
  const fastest = (run: () => unknown) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      run();
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  synthWithoutReadiness();
  readiness();
  const base = fastest(synthWithoutReadiness);
  const checks = fastest(readiness);
  return {
    files: files.length,
    note: `readiness checks ${checks.toFixed(0)} ms against synth ${base.toFixed(0)} ms: +${((checks / base) * 100).toFixed(1)}% (goal <= 30%)`,
  };
}

const scenarios: Record<string, () => { files: number; note?: string }> = {
  'real environments: pnpm synth --check': () => {
    const model = loadRepositoryModel();
    const files = synthesize(model, generators, { environments: ENV_NAMES });
    checkPolicies({ files, environments: model.environments, today: todayUtc() });
    planSync(root, files, { environments: ENV_NAMES });
    return { files: files.length };
  },
  [`validate ${SERVICES} services x ${ENV_NAMES.length} environments`]: () => {
    const model = loadPlatform(
      repositorySources().environments.map((e) => ({ file: e.file, value: { ...(structuredClone(e.value) as object), services: {} } })),
      scaledServices(SERVICES),
    );
    return { files: model.environments.length };
  },
  [`generate + policies + render ${SERVICES} services x ${ENVIRONMENTS} environments`]: () => {
    const environments = scaledEnvironments(ENVIRONMENTS);
    const model = resolvePlatform(environments, scaledServices(SERVICES, environments));
    const files = synthesize(model, generators, { environments: environments.map((e) => e.value.name) });
    checkPolicies({ files, environments: model.environments, today: todayUtc() });
    for (const file of files) renderFile(file);
    return { files: files.length };
  },
  'readiness checks, real environments: share of synth': () => readinessShare(loadRepositoryModel, [...ENV_NAMES]),
  'cost estimate, real environments: share of generation': () => costShare(loadRepositoryModel()),
  [`readiness checks, ${SERVICES} services x ${ENVIRONMENTS} environments: share of synth`]: () => {
    const environments = scaledEnvironments(ENVIRONMENTS);
    const services = scaledServices(SERVICES, environments);
    return readinessShare(() => resolvePlatform(environments, services), environments.map((e) => e.value.name));
  },
};

const args = process.argv.slice(2);
const only = args[0];
if (args.some((arg) => arg.startsWith('-'))) {
  await runCli(() => {
    parseCommandLine(args, {}, BENCH_HELP);
    return 0;
  });
} else if (only) {
  const started = performance.now();
  const result = scenarios[only]!();
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, peakMiB: process.resourceUsage().maxRSS / 1024, ...result }));
} else {
  console.log(`pnpm bench (node ${process.version}, ${fromBundle ? 'prebuilt bundle' : 'tsx'}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  for (const line of issue12Goals(root)) console.log(line);
  console.log('');
  console.log('| scenario | time in process | peak memory | files / environments |');
  console.log('|---|---:|---:|---:|');
  for (const name of Object.keys(scenarios)) {
    const started = performance.now();
    const child = spawnSync(process.execPath, childArgs('bench', name), { encoding: 'utf8' });
    const wall = performance.now() - started;
    if (child.status !== 0) throw new Error(`${name} failed:\n${child.stderr}`);
    const r = JSON.parse(child.stdout) as { ms: number; peakMiB: number; files: number; note?: string };
    console.log(`| ${name} | ${r.ms.toFixed(0)} ms (process ${wall.toFixed(0)} ms) | ${r.peakMiB.toFixed(0)} MiB | ${r.files} |${r.note ? ` ${r.note} |` : ''}`);
  }
  console.log('');
  const envDiff = spawnSync(process.execPath, childArgs('bench-env-diff'), { stdio: 'inherit' });
  process.exitCode = envDiff.status ?? 1;
}
