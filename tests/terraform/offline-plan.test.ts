/**
 * Proof with real Terraform, offline, for every generated configuration of every environment
 * (offline-check.ts): per environment one `init -lockfile=readonly` with the committed lock and
 * one `terraform test -json` that validates every stack as a root module and plans it with the AWS
 * provider mocked and every remote-state read overridden; one `terraform validate` of every stack's
 * provider blocks. Zero errors and zero warnings, attributed to the stack they concern
 * (offline-check.test.ts proves that a deprecated argument or an invalid configuration fails).
 * No network, no AWS credentials; everything happens in `.cache/terraform/`, never in generated/.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERRAFORM_STACKS } from '../../generators/naming.js';
import { repositoryOutput } from '../support/repository-output.js';
import { generatedStacks } from './generated-stacks.js';
import { checkOffline, stackLabel, type OfflineReport } from './offline-check.js';
import { offlineTerraform, terraformWorkspace } from './terraform-cli.js';

/** The machines have two cores; each Terraform process keeps about one busy. */
const PARALLEL_PROCESSES = 2;

const stacks = await generatedStacks();
const { model } = await repositoryOutput();
const accounts = new Map(model.environments.map((e) => [e.name as string, { accountId: e.aws.accountId, region: e.aws.region }]));

let workspace = '';
let report: OfflineReport;

beforeAll(async () => {
  workspace = terraformWorkspace('offline-plan');
  report = await checkOffline(stacks, (env) => accounts.get(env)!, offlineTerraform(workspace), workspace, PARALLEL_PROCESSES);
}, 900_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('every generated configuration, with real Terraform', () => {
  it('covers every stack of every environment and the state bootstrap', () => {
    const expected = model.environments.flatMap((env) => ['bootstrap', ...TERRAFORM_STACKS.map((s) => s.name)].map((stack) => `${env.name}/${stack}`));
    expect(stacks.map(stackLabel).sort()).toEqual(expected.sort());
  });

  describe.each(stacks.map((s) => ({ name: stackLabel(s) })))('$name', ({ name }) => {
    it('initializes without a backend from the provider mirror (or the shared cache), its committed lock read-only', () => {
      expect(report.verdicts.get(name)!.init).toEqual([]);
    });

    it('validates as a root module and plans offline (AWS mocked, remote state overridden) with zero errors and zero warnings', () => {
      expect(report.verdicts.get(name)!.plan).toEqual([]);
    });

    it('has provider blocks the real provider validates with zero errors and zero warnings', () => {
      expect(report.verdicts.get(name)!.provider).toEqual([]);
    });
  });

  it('every test root passes as a whole', () => {
    for (const { root, test } of report.roots) expect(test?.code, `${root.name}: ${test ? `${test.stdout}\n${test.stderr}` : 'did not run'}`).toBe(0);
  });
});
