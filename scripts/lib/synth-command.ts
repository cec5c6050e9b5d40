/**
 * `pnpm synth [--env <name>[,<name>]] [--check]`: load and validate, generate every file in memory,
 * check the policies, then either write what changed (synth) or compare and report drift (check).
 * Both modes share one code path up to the final step; a policy error stops both before anything
 * is planned or written.
 */
import { generators as defaultGenerators } from '../../generators/index.js';
import type { Generator } from '../../generators/generator.js';
import type { PlatformModel } from '../../generators/model/types.js';
import { synthesize } from '../../generators/pipeline.js';
import { checkPolicies } from '../../policies/check.js';
import { errorCount, type PolicyReport } from '../../policies/engine/run.js';
import { problemLines, summaryLine } from '../../policies/engine/format.js';
import { UsageError } from './cli.js';
import { applySync, planSync, type SyncPlan } from './writer.js';

export interface SynthRequest {
  root: string;
  check: boolean;
  environments: readonly string[];
  model: PlatformModel;
  generators?: readonly Generator[];
  /** Today as YYYY-MM-DD (from the command line's clock): policy exceptions expire against it. */
  today: string;
  /** Called after each phase with its duration (the command prints one line per phase). */
  onPhase?: (phase: SynthPhase, ms: number, detail: string) => void;
}

export type SynthPhase = 'load' | 'generate' | 'policies' | 'write' | 'check';

/** Runs `step`, reports its duration; `detail` describes the result. */
function timed<T>(request: Pick<SynthRequest, 'onPhase'>, phase: SynthPhase, step: () => T, detail: (result: T) => string): T {
  const started = performance.now();
  const result = step();
  request.onPhase?.(phase, performance.now() - started, detail(result));
  return result;
}

export interface SynthResult {
  plan: SyncPlan;
  /** The policy report; it has no errors (those throw `PolicyError`), but may have warnings and exceptions in force. */
  policies: PolicyReport;
}

/** Error-level policy violations: printed one per line (with the warnings), exit 1, nothing written. */
export class PolicyError extends UsageError {
  constructor(readonly report: PolicyReport) {
    super([...problemLines(report), `${summaryLine(report)} Nothing was written.`].join('\n'));
    this.name = 'PolicyError';
  }
}

/** `--env` values against the model's environments (`known`, in promotion order); none given means all. */
export function parseEnvironments(values: string[] | undefined, known: readonly string[]): string[] {
  if (!values || values.length === 0) return [...known];
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const name of names) {
    if (!known.includes(name)) {
      throw new UsageError(`--env: unknown environment "${name}"; expected one of ${known.join(', ')}`);
    }
  }
  return known.filter((env) => names.includes(env));
}

const syncOptions = (request: Pick<SynthRequest, 'environments' | 'model'>) => ({
  environments: request.environments,
  allEnvironments: request.model.environments.map((env) => env.name),
});

type GenerateRequest = Pick<SynthRequest, 'environments' | 'model' | 'generators'>;
const generate = (request: GenerateRequest) => synthesize(request.model, request.generators ?? defaultGenerators, { environments: request.environments });

/** Generates, checks policies, and plans; writes only when not checking. Returns the plan and policy report. */
export function runSynth(request: SynthRequest): SynthResult {
  const files = timed(request, 'generate', () => generate(request), (f) => `${f.length} files`);
  const environments = request.model.environments.filter((env) => request.environments.includes(env.name));
  const policies = timed(request, 'policies', () => checkPolicies({ files, environments, today: request.today }), (r) => `${r.rules} rules`);
  if (errorCount(policies) > 0) throw new PolicyError(policies);
  const plan = timed(
    request,
    request.check ? 'check' : 'write',
    () => {
      const planned = planSync(request.root, files, syncOptions(request));
      if (!request.check) applySync(request.root, planned);
      return planned;
    },
    (p) => `${p.writes.length + p.deletes.length} file(s) ${request.check ? 'differ' : 'written or deleted'}`,
  );
  return { plan, policies };
}

/** What `synth --check` would find stale, policies aside (the environment diff's freshness check). */
export function planStaleness(request: GenerateRequest & Pick<SynthRequest, 'root'>): SyncPlan {
  return planSync(request.root, generate(request), syncOptions(request));
}
