#!/usr/bin/env tsx
/** Entry point of `pnpm synth`; see scripts/lib/synth-command.ts. */
import { fileURLToPath } from 'node:url';
import { exceptionsInForceLines, problemLines } from '../policies/engine/format.js';
import { parseCommandLine, runCli } from './lib/cli.js';
import { todayUtc } from './lib/clock.js';
import { loadRepositoryModel } from './lib/platform.js';
import { applyReport, checkReport, driftCount } from './lib/report.js';
import { parseEnvironments, runSynth } from './lib/synth-command.js';

const root = fileURLToPath(new URL('..', import.meta.url));

await runCli(() => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    env: { type: 'string', multiple: true },
    check: { type: 'boolean', default: false },
  });
  const environments = parseEnvironments(values.env);
  const model = loadRepositoryModel();
  const { plan, policies } = runSynth({ root, check: values.check ?? false, environments, model, today: todayUtc() });
  for (const line of problemLines(policies)) console.warn(line);
  const exceptions = exceptionsInForceLines(policies).length;
  if (exceptions > 0) console.log(`policies: ${exceptions} exception(s) in force; \`pnpm policies\` lists them.`);
  if (values.check) {
    if (driftCount(plan) === 0) {
      console.log(`pnpm synth --check: ${plan.unchanged} generated file(s) up to date (${environments.join(', ')}).`);
      return 0;
    }
    console.error(checkReport(plan));
    return 1;
  }
  console.log(applyReport(plan));
  return 0;
});
