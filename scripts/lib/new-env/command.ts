/**
 * `pnpm new-env <name> --from <env> --account <id> --region <region> [--cidr <cidr>] [--after <env>]`:
 * plans the new environment file (plan.ts: validated like synth, nothing written on any problem),
 * writes it, then runs synth with the model that includes it. If synth fails (a policy error), the
 * new file is removed again, so a failed run leaves the repository as it was.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSynth, type SynthPhase } from '../synth-command.js';
import { applyReport } from '../report.js';
import { planNewEnvironment, type NewEnvironmentPlan, type NewEnvironmentRequest } from './plan.js';
import type { Sourced } from '../../../generators/model/service-checks.js';

export interface NewEnvironmentRun {
  root: string;
  request: NewEnvironmentRequest;
  sources: { environments: Sourced<unknown>[]; services: Sourced<unknown>[] };
  today: string;
  print: (line: string) => void;
  onPhase?: (phase: SynthPhase | 'new-env', ms: number, detail: string) => void;
}

/** The plan for this repository on disk (the part `pnpm bench` times). */
export function planInRepository(root: string, request: NewEnvironmentRequest, sources: NewEnvironmentRun['sources']): NewEnvironmentPlan {
  return planNewEnvironment(request, sources, {
    exists: (path) => existsSync(join(root, path)),
    readSource: (path) => readFileSync(join(root, path), 'utf8'),
  });
}

export function runNewEnvironment(run: NewEnvironmentRun): number {
  const started = performance.now();
  const plan = planInRepository(run.root, run.request, run.sources);
  const { value } = plan;
  writeFileSync(join(run.root, plan.file), plan.text, { flag: 'wx' });
  // Its own work: plan, validate, write (`pnpm bench` holds it to 0.5 s); synth follows.
  run.onPhase?.('new-env', performance.now() - started, `wrote ${plan.file}`);
  try {
    const { plan: written } = runSynth({ root: run.root, check: false, environments: plan.model.environments.map((e) => e.name), model: plan.model, today: run.today, ...(run.onPhase ? { onPhase: run.onPhase } : {}) });
    run.print(applyReport(written));
  } catch (error) {
    rmSync(join(run.root, plan.file), { force: true });
    throw error;
  }
  const order = plan.model.environments.map((e) => (e.name === value.name ? `${e.name} (new, after ${value.promotesFrom})` : e.name));
  run.print(`${plan.file}: account ${value.aws.accountId}, ${value.aws.region} (${value.aws.availabilityZones.join(', ')}), VPC ${value.network.vpcCidr}, tier ${value.tier}.`);
  run.print(`Promotion order: ${order.join(', ')}. Review the file's comments and sizes, then commit it with the generated output.`);
  return 0;
}
