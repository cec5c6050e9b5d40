#!/usr/bin/env tsx
/** Entry point of `pnpm synth`; see scripts/lib/synth-command.ts. */
import { fileURLToPath } from 'node:url';
import { exceptionsInForceLines, problemLines } from '../policies/engine/format.js';
import { parseCommandLine, runCli } from './lib/cli.js';
import { todayUtc } from './lib/clock.js';
import { paintFor } from './lib/colour.js';
import { SYNTH_HELP } from './lib/command-help.js';
import { loadRepositoryModel } from './lib/platform.js';
import { applyReport, checkReport, driftCount } from './lib/report.js';
import { parseEnvironments, runSynth, type SynthPhase } from './lib/synth-command.js';

const root = fileURLToPath(new URL('..', import.meta.url));

await runCli(() => {
  const { values } = parseCommandLine(process.argv.slice(2), { env: { type: 'string', multiple: true }, check: { type: 'boolean', default: false } }, SYNTH_HELP);
  const colours = paintFor(process.stdout);
  const phase = (name: SynthPhase, ms: number, detail: string) => console.log(`${colours.bold(name.padEnd(8))} ${`${Math.round(ms)} ms`.padStart(8)}  ${colours.dim(detail)}`);

  const model = loadRepositoryModel();
  const environments = parseEnvironments(values.env, model.environments.map((env) => env.name));
  // Load counts from process start: tsx start-up, importing the sources, validating and resolving them.
  phase('load', performance.now(), `${model.environments.length} environments, ${model.environments[0]?.services.length ?? 0} services`);
  const { plan, policies } = runSynth({ root, check: values.check ?? false, environments, model, today: todayUtc(), onPhase: phase });
  for (const line of problemLines(policies)) console.warn(paintFor(process.stderr).yellow(line));
  const exceptions = exceptionsInForceLines(policies).length;
  if (exceptions > 0) console.log(`policies: ${exceptions} exception(s) in force; \`pnpm policies\` lists them.`);
  if (values.check) {
    if (driftCount(plan) === 0) {
      console.log(colours.green(`pnpm synth --check: ${plan.unchanged} generated file(s) up to date (${environments.join(', ')}).`));
      return 0;
    }
    console.error(paintFor(process.stderr).red(checkReport(plan)));
    return 1;
  }
  console.log(applyReport(plan));
  return 0;
});
