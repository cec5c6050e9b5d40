/**
 * The authoritative staleness check for the working tree of this repository: the synth planner in
 * check mode, in process (what `pnpm synth --check` does), reporting drift instead of failing.
 * Kept apart from the rest of env-diff because it loads the generators (cdktf, cdk8s).
 */
import type { Generator } from '../../../generators/generator.js';
import { ConfigError, formatProblem, sortProblems } from '../../../generators/model/problem.js';
import type { PlatformModel } from '../../../generators/model/types.js';
import { loadRepositoryModel } from '../platform.js';
import { planStaleness } from '../synth-command.js';
import type { Staleness } from './types.js';

export const SYNTH_METHOD = 'pnpm synth --check, run in process';

export function synthStaleness(root: string, load: () => PlatformModel = loadRepositoryModel, generators?: readonly Generator[]): Staleness {
  let model: PlatformModel;
  try {
    model = load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const [first] = sortProblems(error.problems);
    return { status: 'unchecked', method: SYNTH_METHOD, problems: [`the sources do not validate (${error.problems.length} problem(s)): ${first ? formatProblem(first) : ''}`] };
  }
  const plan = planStaleness({ root, environments: model.environments.map((env) => env.name), model, ...(generators ? { generators } : {}) });
  const problems = [
    ...plan.writes.map((w) => `${w.path}: ${w.kind === 'create' ? 'missing (synth would create it)' : 'differs from what synth generates'}`),
    ...plan.deletes.map((path) => `${path}: no longer generated (synth would delete it)`),
    ...plan.unexpected.map((path) => `${path}: not produced by synth`),
  ];
  return { status: problems.length > 0 ? 'stale' : 'fresh', method: SYNTH_METHOD, problems };
}
