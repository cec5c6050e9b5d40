/**
 * The offline Terraform check on fixture stacks, with real Terraform: it must fail a deprecated
 * argument (a warning: `terraform test` still reports the run as passing), an invalid argument, an
 * invalid provider block (hidden from `terraform test` by the mocked provider) and a lock file
 * that does not match the provider, each on the stack concerned only, and pass a valid stack whose
 * backend block `terraform test` reports as ignored.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tools } from '../../environments/versions.js';
import { lockFileText } from '../../generators/terraform/lock-file.js';
import { awsProviderHashes } from '../../generators/terraform/provider-hashes.js';
import type { GeneratedStack, TerraformJson } from './generated-stacks.js';
import { checkOffline, testRoots, type OfflineReport } from './offline-check.js';
import { offlineTerraform, terraformWorkspace } from './terraform-cli.js';

const LOCK = lockFileText([awsProviderHashes()]);
/** Every h1 hash (the ones an unpacked provider is checked against) with its first character changed. */
const BROKEN_LOCK = LOCK.replace(/"h1:(.)/g, (_, c: string) => `"h1:${c === 'A' ? 'B' : 'A'}`);

function fixture(stack: string, json: TerraformJson, lock = LOCK): GeneratedStack {
  const full: TerraformJson = {
    terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: tools.awsProvider } }, backend: { s3: { bucket: 'b', key: `${stack}.tfstate`, region: 'eu-west-1' } } },
    provider: { aws: [{ region: 'eu-west-1' }] },
    ...json,
  };
  const text = JSON.stringify(full, null, 2);
  return { env: 'fixture', stack, path: `fixture/${stack}/main.tf.json`, text, json: full, lock };
}

const stacks = [
  fixture('valid', { resource: { aws_eip: { ip: { domain: 'vpc' } } } }),
  fixture('deprecated', { resource: { aws_eip: { ip: { vpc: true } } } }),
  fixture('bad-provider', { provider: { aws: [{ region: 'eu-west-1', no_such_setting: 'x' }] }, resource: { aws_eip: { ip: { domain: 'vpc' } } } }),
  fixture('invalid', { resource: { aws_eip: { ip: { no_such_argument: true } } } }),
  fixture('after-invalid', { resource: { aws_eip: { ip: { domain: 'vpc' } } } }),
  fixture('bad-lock', { resource: { aws_eip: { ip: { domain: 'vpc' } } } }, BROKEN_LOCK),
];

let workspace = '';
let report: OfflineReport;
const verdict = (stack: string) => report.verdicts.get(`fixture/${stack}`)!;

beforeAll(async () => {
  workspace = terraformWorkspace('offline-check');
  report = await checkOffline(stacks, () => ({ accountId: '111111111111', region: 'eu-west-1' }), offlineTerraform(workspace), workspace, 2);
}, 300_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('checkOffline on fixtures', () => {
  it('groups stacks by environment, lock file and provider requirements', () => {
    expect(testRoots(stacks).map((r) => [r.name, r.stacks.map((s) => s.stack)])).toEqual([
      ['fixture', ['valid', 'deprecated', 'bad-provider', 'invalid', 'after-invalid']],
      ['fixture-2', ['bad-lock']],
    ]);
  });

  it('passes a valid stack, the notice that its backend block is ignored included', () => {
    expect(verdict('valid')).toEqual({ init: [], plan: [], provider: [] });
  });

  it('fails a deprecated argument, which terraform test reports as a warning on a passing run', () => {
    expect(verdict('deprecated').plan.join('\n')).toMatch(/^warning: Argument is deprecated/m);
    expect(verdict('deprecated').provider).toEqual([]);
  });

  it('fails an invalid argument', () => {
    expect(verdict('invalid').plan.join('\n')).toMatch(/^status error$/m);
    expect(verdict('invalid').plan.join('\n')).toMatch(/no_such_argument|Extraneous/);
  });

  it('reports a stack planned after a failed run of its root as not planned (terraform test skips the rest of the file)', () => {
    expect(verdict('after-invalid').plan).toEqual(['not planned: terraform test skips the runs after a failed one']);
  });

  it('fails an invalid provider block, which the mocked provider hides from terraform test', () => {
    expect(verdict('bad-provider').plan).toEqual([]);
    expect(verdict('bad-provider').provider.join('\n')).toMatch(/no_such_setting|Extraneous/);
  });

  it('fails a lock file that does not match the provider, and does not plan that root', () => {
    expect(verdict('bad-lock').init.join('\n')).toMatch(/checksums/);
    expect(verdict('bad-lock').plan).toEqual(['not run: the init of test root fixture-2 failed']);
  });
});
