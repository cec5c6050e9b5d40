#!/usr/bin/env tsx
/**
 * `pnpm bench`: times synth (load + validate + generate + render + plan against disk) for the real
 * environments and for a scaled in-memory fixture, each scenario in its own process so that the
 * peak memory reported is that scenario's own, then the environment diff (scripts/bench-env-diff.ts).
 * A benchmark, not a test: it asserts nothing. `--help` explains; any other flag is refused.
 */
import { spawnSync } from 'node:child_process';
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
import { checkPolicies } from '../policies/check.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVICES = 200;
const ENVIRONMENTS = 5;

const scenarios: Record<string, () => { files: number }> = {
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
  console.log(`pnpm bench (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
  console.log('| scenario | time in process | peak memory | files / environments |');
  console.log('|---|---:|---:|---:|');
  for (const name of Object.keys(scenarios)) {
    const started = performance.now();
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { encoding: 'utf8' });
    const wall = performance.now() - started;
    if (child.status !== 0) throw new Error(`${name} failed:\n${child.stderr}`);
    const r = JSON.parse(child.stdout) as { ms: number; peakMiB: number; files: number };
    console.log(`| ${name} | ${r.ms.toFixed(0)} ms (process ${wall.toFixed(0)} ms) | ${r.peakMiB.toFixed(0)} MiB | ${r.files} |`);
  }
  console.log('');
  const envDiff = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('bench-env-diff.ts', import.meta.url))], { stdio: 'inherit' });
  process.exitCode = envDiff.status ?? 1;
}
