/**
 * `pnpm synth [--env <name>[,<name>]] [--check]`: load and validate, generate every file in memory,
 * then either write what changed (synth) or compare and report drift (check). Both modes share
 * one code path up to the final step.
 */
import { ENV_NAMES, type EnvName } from '../../environments/types.js';
import { generators as defaultGenerators } from '../../generators/index.js';
import type { Generator } from '../../generators/generator.js';
import type { PlatformModel } from '../../generators/model/types.js';
import { synthesize } from '../../generators/pipeline.js';
import { UsageError } from './cli.js';
import { applySync, planSync, type SyncPlan } from './writer.js';

export interface SynthRequest {
  root: string;
  check: boolean;
  environments: readonly EnvName[];
  model: PlatformModel;
  generators?: readonly Generator[];
}

export function parseEnvironments(values: string[] | undefined): EnvName[] {
  if (!values || values.length === 0) return [...ENV_NAMES];
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const name of names) {
    if (!(ENV_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`--env: unknown environment "${name}"; expected one of ${ENV_NAMES.join(', ')}`);
    }
  }
  return ENV_NAMES.filter((env) => names.includes(env));
}

/** Generates and plans; writes only when not checking. Returns the plan for reporting. */
export function runSynth(request: SynthRequest): SyncPlan {
  const files = synthesize(request.model, request.generators ?? defaultGenerators, { environments: request.environments });
  const plan = planSync(request.root, files, { environments: request.environments });
  if (!request.check) applySync(request.root, plan);
  return plan;
}
