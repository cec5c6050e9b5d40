/**
 * Proof with real Terraform, offline, for every generated configuration of every environment:
 *  - `terraform init -backend=false` and `terraform validate` in the stack's own directory, with the
 *    stack as the root module exactly as Atlantis runs it: zero errors, zero warnings;
 *  - a plan through `terraform test`: the AWS provider mocked, every remote-state read overridden
 *    with values shaped like the upstream stack's outputs. The plans of one environment are the
 *    `run` blocks of one test file (one run, one stack, its own overrides), so Terraform loads the
 *    AWS provider schema once per environment rather than once per stack.
 * No network, no AWS credentials. Everything happens in a temporary directory, never in generated/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV_NAMES, type EnvName } from '../../environments/types.js';
import { tools } from '../../environments/versions.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { generatedStacks, type GeneratedStack } from './generated-stacks.js';
import { mapLimit, offlineTerraform, type Terraform, type TerraformResult } from './terraform-cli.js';
import { planTestFile } from './tftest.js';

/** The machines have two cores; each Terraform process keeps one busy. */
const PARALLEL_PROCESSES = 2;

const stacks = generatedStacks();
const accounts = new Map(loadRepositoryModel().environments.map((e) => [e.name, { accountId: e.aws.accountId, region: e.aws.region }]));
const label = (s: GeneratedStack) => `${s.env}/${s.stack}`;

interface StackCheck {
  init: TerraformResult;
  validate: TerraformResult | null;
}
interface RunOutcome {
  status: string;
  diagnostics: string[];
}
interface EnvironmentPlan {
  init: TerraformResult;
  test: TerraformResult | null;
  runs: Map<string, RunOutcome>;
}

const checks = new Map<string, StackCheck>();
const plans = new Map<EnvName, EnvironmentPlan>();
let workspace = '';
let terraform: Terraform;

const stackDir = (s: GeneratedStack) => join(workspace, s.env, s.stack);

async function checkStack(stack: GeneratedStack): Promise<void> {
  const dir = stackDir(stack);
  const init = await terraform.run(['init', '-backend=false', '-input=false', '-no-color'], dir);
  const validate = init.code === 0 ? await terraform.run(['validate', '-json', '-no-color'], dir) : null;
  checks.set(label(stack), { init, validate });
}

/** Collects each run's final status and its error diagnostics from `terraform test -json`. */
function runOutcomes(stdout: string): Map<string, RunOutcome> {
  const outcomes = new Map<string, RunOutcome>();
  const outcome = (run: string) => outcomes.get(run) ?? outcomes.set(run, { status: 'not run', diagnostics: [] }).get(run)!;
  for (const line of stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const message = JSON.parse(line) as {
      type: string;
      '@testrun'?: string;
      test_run?: { run: string; status?: string };
      diagnostic?: { severity: string; summary: string; detail?: string };
    };
    if (message.type === 'test_run' && message.test_run?.status) outcome(message.test_run.run).status = message.test_run.status;
    if (message.type === 'diagnostic' && message['@testrun'] && message.diagnostic?.severity === 'error') {
      outcome(message['@testrun']).diagnostics.push(`${message.diagnostic.summary}: ${message.diagnostic.detail ?? ''}`);
    }
  }
  return outcomes;
}

async function planEnvironment(env: EnvName): Promise<void> {
  const own = stacks.filter((s) => s.env === env);
  const dir = join(workspace, env, '_plan');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: tools.awsProvider } } } }));
  const upstream = (name: string) => own.find((s) => s.stack === name)!.json;
  const planned = own.map((stack) => ({ stack, source: `../${stack.stack}` }));
  writeFileSync(join(dir, 'offline.tftest.hcl'), planTestFile(planned, upstream, accounts.get(env)!));
  const init = await terraform.run(['init', '-backend=false', '-input=false', '-no-color'], dir);
  const test = init.code === 0 ? await terraform.run(['test', '-json', '-no-color'], dir) : null;
  plans.set(env, { init, test, runs: runOutcomes(test?.stdout ?? '') });
}

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'platform-terraform-'));
  terraform = offlineTerraform(workspace);
  for (const stack of stacks) {
    mkdirSync(stackDir(stack), { recursive: true });
    writeFileSync(join(stackDir(stack), 'main.tf.json'), stack.text);
  }
  // The first init fills the shared plugin cache; every later one only links to it, so they can run
  // in parallel without two processes writing the same provider binary ("text file busy").
  const [first, ...rest] = stacks;
  await checkStack(first!);
  const jobs: (() => Promise<void>)[] = [...ENV_NAMES.map((env) => () => planEnvironment(env)), ...rest.map((s) => () => checkStack(s))];
  await mapLimit(jobs, PARALLEL_PROCESSES, (job) => job());
}, 900_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const failure = (r: TerraformResult | null | undefined) => (r ? `terraform ${r.args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}` : 'did not run');

describe('every generated configuration, with real Terraform', () => {
  it('covers every stack of every environment and the state bootstrap', () => {
    expect(stacks.map(label).sort()).toEqual(
      ENV_NAMES.flatMap((env) => ['bootstrap', 'cluster', 'data', 'network', 'observability', 'services'].map((s) => `${env}/${s}`)).sort(),
    );
  });

  describe.each(stacks.map((s) => ({ name: label(s), stack: s })))('$name', ({ stack }) => {
    it('initializes without a backend from the provider mirror (or registry) and the shared cache', () => {
      const check = checks.get(label(stack))!;
      expect(check.init.code, failure(check.init)).toBe(0);
    });

    it('validates as a root module with zero errors and zero warnings', () => {
      const check = checks.get(label(stack))!;
      expect(check.validate, failure(check.init)).not.toBeNull();
      const report = JSON.parse(check.validate!.stdout) as { valid: boolean; error_count: number; warning_count: number; diagnostics: unknown[] };
      expect(report, JSON.stringify(report.diagnostics, null, 2)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
    });

    it('plans offline with the AWS provider mocked and its remote-state inputs overridden', () => {
      const plan = plans.get(stack.env)!;
      expect(plan.test, failure(plan.init)).not.toBeNull();
      const outcome = plan.runs.get(stack.stack);
      expect(outcome, failure(plan.test)).toBeDefined();
      expect(outcome!.diagnostics).toEqual([]);
      expect(outcome!.status).toBe('pass');
    });
  });

  it.each(ENV_NAMES.map((env) => ({ env })))('$env: the test file passes as a whole', ({ env }) => {
    const plan = plans.get(env)!;
    expect(plan.test?.code, failure(plan.test)).toBe(0);
  });
});
