#!/usr/bin/env tsx
/** Entry point of `pnpm synth`; see scripts/lib/synth-command.ts. */
import { fileURLToPath } from 'node:url';
import { exceptionsInForceLines, problemLines } from '../policies/engine/format.js';
import { parseCommandLine, runCli } from './lib/cli.js';
import { todayUtc } from './lib/clock.js';
import { paintFor } from './lib/colour.mjs';
import { SYNTH_HELP } from './lib/command-help.js';
import { loadRepositoryModel } from './lib/platform.js';
import { applyReport, checkReport, driftCount } from './lib/report.js';
import { parseEnvironments, runSynth, type SynthPhase } from './lib/synth-command.js';
import { recordCleanCheck, recordedText, type RecordedLine } from './lib/synth-record.js';

const root = fileURLToPath(new URL('..', import.meta.url));

await runCli(() => {
  const { values } = parseCommandLine(
    process.argv.slice(2),
    { env: { type: 'string', multiple: true }, check: { type: 'boolean', default: false }, full: { type: 'boolean', default: false } },
    SYNTH_HELP,
  );
  const colours = paintFor(process.stdout);
  const phase = (name: SynthPhase, ms: number, detail: string) => console.log(`${colours.bold(name.padEnd(8))} ${`${Math.round(ms)} ms`.padStart(8)}  ${colours.dim(detail)}`);
  const print = (line: RecordedLine) => (line.stream === 'stderr' ? console.error(recordedText(paintFor(process.stderr), line)) : console.log(recordedText(colours, line)));

  const model = loadRepositoryModel();
  const environments = parseEnvironments(values.env, model.environments.map((env) => env.name));
  // Load counts from process start: tsx start-up, importing the sources, validating and resolving them.
  phase('load', performance.now(), `${model.environments.length} environments, ${model.environments[0]?.services.length ?? 0} services`);
  const today = todayUtc();
  const { plan, policies } = runSynth({ root, check: values.check ?? false, environments, model, today, onPhase: phase });
  const exceptions = exceptionsInForceLines(policies).length;
  // What a clean check prints after its phases: also what its record replays (scripts/lib/synth-record.ts).
  const findings: RecordedLine[] = [
    ...problemLines(policies).map((text): RecordedLine => ({ stream: 'stderr', colour: 'yellow', text })),
    ...(exceptions > 0 ? [{ stream: 'stdout', text: `policies: ${exceptions} exception(s) in force; \`pnpm policies\` lists them.` } as const] : []),
  ];
  const upToDate = (count: number): RecordedLine => ({ stream: 'stdout', colour: 'green', text: `pnpm synth --check: ${count} generated file(s) up to date (${environments.join(', ')}).` });
  for (const line of findings) print(line);
  if (values.check) {
    if (driftCount(plan) === 0) {
      print(upToDate(plan.unchanged));
      recordCleanCheck({ root, env: values.env, today, count: plan.unchanged, lines: [...findings, upToDate(plan.unchanged)] });
      return 0;
    }
    console.error(paintFor(process.stderr).red(checkReport(plan)));
    return 1;
  }
  console.log(applyReport(plan));
  // Every generated file and the manifest are now as generated, the leftovers and obsolete files gone. A
  // check would still fail on an unexpected file, or on a file not pruned for lack of its header (it is
  // no longer in the manifest): then there is nothing to record.
  const count = plan.unchanged + plan.writes.length;
  if (plan.unexpected.length === 0 && plan.skippedDeletes.length === 0) recordCleanCheck({ root, env: values.env, today, count, lines: [...findings, upToDate(count)] });
  return 0;
});
