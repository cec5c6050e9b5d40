/**
 * Proof with real Terraform, offline: for every generated configuration of every environment,
 * `terraform init -backend=false`, `terraform validate` (zero errors, zero warnings) and a plan
 * through `terraform test` with the AWS provider mocked and remote-state reads overridden. No
 * network, no AWS credentials. Work happens in a temporary directory, never under generated/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { generatedStacks, type GeneratedStack } from './generated-stacks.js';
import { mapLimit, offlineTerraform, type TerraformResult } from './terraform-cli.js';
import { tftest } from './tftest.js';

/** The machines have two cores; Terraform itself is multi-threaded. */
const PARALLEL_STACKS = 2;

interface StackRun {
  init: TerraformResult;
  validate: TerraformResult | null;
  plan: TerraformResult | null;
}

const stacks = generatedStacks();
const accounts = new Map(loadRepositoryModel().environments.map((e) => [e.name, { accountId: e.aws.accountId, region: e.aws.region }]));
const label = (s: GeneratedStack) => `${s.env}/${s.stack}`;
const runs = new Map<string, StackRun>();
let workspace = '';

function prepare(stack: GeneratedStack): string {
  const dir = join(workspace, 'stacks', stack.env, stack.stack);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf.json'), stack.text);
  const upstream = (name: string) => stacks.find((s) => s.env === stack.env && s.stack === name)!.json;
  writeFileSync(join(dir, 'offline.tftest.hcl'), tftest(stack, upstream, accounts.get(stack.env)!));
  return dir;
}

async function check(stack: GeneratedStack): Promise<StackRun> {
  const terraform = offlineTerraform(workspace);
  const dir = prepare(stack);
  const init = await terraform.run(['init', '-backend=false', '-input=false', '-no-color'], dir);
  if (init.code !== 0) return { init, validate: null, plan: null };
  const validate = await terraform.run(['validate', '-json', '-no-color'], dir);
  const plan = await terraform.run(['test', '-no-color'], dir);
  return { init, validate, plan };
}

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'platform-terraform-'));
  // The first init fills the shared plugin cache; the others only link to it, so they can run in
  // parallel without two processes writing the same provider binary ("text file busy").
  const [first, ...rest] = stacks;
  runs.set(label(first!), await check(first!));
  const results = await mapLimit(rest, PARALLEL_STACKS, check);
  rest.forEach((stack, i) => runs.set(label(stack), results[i]!));
}, 900_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const failure = (r: TerraformResult | null) => (r ? `terraform ${r.args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}` : 'did not run');

describe('every generated configuration, with real Terraform', () => {
  it('covers every stack of every environment and the bootstrap', () => {
    expect(stacks.map(label).sort()).toEqual(
      ['dev', 'prod', 'staging'].flatMap((env) => ['bootstrap', 'cluster', 'data', 'network', 'observability', 'services'].map((s) => `${env}/${s}`)),
    );
  });

  describe.each(stacks.map((s) => ({ name: label(s), stack: s })))('$name', ({ stack }) => {
    it('initializes without a backend from the local provider mirror or registry', () => {
      const run = runs.get(label(stack))!;
      expect(run.init.code, failure(run.init)).toBe(0);
    });

    it('validates with zero errors and zero warnings', () => {
      const run = runs.get(label(stack))!;
      expect(run.validate, failure(run.init)).not.toBeNull();
      const report = JSON.parse(run.validate!.stdout) as { valid: boolean; error_count: number; warning_count: number; diagnostics: unknown[] };
      expect(report, JSON.stringify(report.diagnostics, null, 2)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
    });

    it('plans offline with the provider mocked and upstream outputs overridden', () => {
      const run = runs.get(label(stack))!;
      expect(run.plan?.code, failure(run.plan)).toBe(0);
      expect(run.plan!.stdout).toMatch(/Success! 1 passed, 0 failed\./);
    });
  });
});
