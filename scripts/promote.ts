#!/usr/bin/env tsx
/**
 * `pnpm promote <service…|--all> --to <env>`: copies image tags (and with --charts the add-on chart
 * versions) from the previous environment of the promotion order into the sources, runs synth and
 * prints the env-diff summary. See scripts/lib/promote/ and README "Promote a change".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, runCli, UsageError } from './lib/cli.js';
import { PROMOTE_HELP } from './lib/command-help.js';
import { loadRepositoryModel } from './lib/platform.js';
import { phaseLine } from './lib/source-edit/phase-line.js';
import { promotionDiffSummary } from './lib/promote/diff-summary.js';
import { planPromotion } from './lib/promote/plan.js';
import { runSynth } from './lib/source-edit/run-synth.js';
import { writeSources } from './lib/source-edit/transaction.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const OPTIONS = {
  to: { type: 'string' },
  from: { type: 'string' },
  all: { type: 'boolean', default: false },
  charts: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
} as const;

await runCli(async () => {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), OPTIONS, PROMOTE_HELP, true);
  if (!values.to) throw new UsageError('--to <env> is required: the environment to promote into (`pnpm promote --help`)');
  if (values.all && positionals.length > 0) throw new UsageError('either name services or use --all, not both');
  if (!values.all && positionals.length === 0 && !values.charts) throw new UsageError('name the services to promote, or use --all (or --charts for add-on chart versions only)');

  const model = loadRepositoryModel();
  // Phases as synth prints them: load counts from process start (start-up, importing and validating the sources).
  const loaded = performance.now();
  console.log(phaseLine('load', loaded, `${model.environments.length} environments, ${model.environments[0]?.services.length ?? 0} services`));
  const plan = planPromotion(model, (file) => readFileSync(join(root, file), 'utf8'), {
    services: values.all ? 'all' : positionals,
    to: values.to,
    from: values.from,
    charts: values.charts ?? false,
    force: values.force ?? false,
  });
  console.log(phaseLine('prepare', performance.now() - loaded, `${plan.changes.length} change(s) from ${plan.from} to ${plan.to}`));
  if (plan.changes.length === 0) {
    console.log(`pnpm promote: nothing to promote: ${plan.to} already runs what ${plan.from} runs${values.charts ? ' (images and charts)' : ''}.`);
    return 0;
  }
  for (const change of plan.changes) console.log(`  ${change.file}: ${change.field}: ${change.before} → ${change.after}`);
  if (values['dry-run']) {
    console.log(`pnpm promote --dry-run: ${plan.changes.length} change(s) from ${plan.from} to ${plan.to}; nothing was written.`);
    return 0;
  }
  const written = writeSources(root, plan.files);
  const status = await runSynth(root);
  if (status !== 0) {
    written.restore();
    console.error(`pnpm promote: synth failed (above); the sources are as they were, nothing was promoted.`);
    return status;
  }
  console.log(promotionDiffSummary(root, model.environments.map((e) => e.name)).join('\n'));
  console.log(`pnpm promote: ${plan.changes.length} change(s) from ${plan.from} to ${plan.to}; review with \`pnpm env-diff\`, commit the sources and the output together.`);
  return 0;
});

