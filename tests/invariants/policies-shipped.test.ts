/**
 * The shipped environments pass every rule, with their exceptions: the output synth generates
 * now, and the output committed in the repository.
 */
import { describe, expect, it } from 'vitest';
import { checkPolicies } from '../../policies/check.js';
import { problemLines } from '../../policies/engine/format.js';
import { readCommittedFiles } from '../../scripts/lib/committed-files.js';
import { BEFORE_ANY_EXPIRY as TODAY } from '../support/dates.js';
import { repositoryOutput } from '../support/repository-output.js';
import { REPO_ROOT } from '../support/tree.js';

const { model, files: synthesized } = await repositoryOutput();

describe('the shipped environments', () => {
  it('pass every rule as synthesized', () => {
    const report = checkPolicies({ files: synthesized, environments: model.environments, today: TODAY });
    expect(problemLines(report)).toEqual([]);
    expect(report.environments).toEqual(model.environments.map((env) => env.name));
  });

  it('pass every rule as committed', () => {
    const { files, problems } = readCommittedFiles(REPO_ROOT, model.environments.map((env) => env.name));
    const report = checkPolicies({ files, environments: model.environments, today: TODAY });
    expect([...problems, ...problemLines(report)]).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  });
});
