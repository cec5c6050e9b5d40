/**
 * Proof with real Terraform, offline, for every generated configuration of every environment:
 *  - `terraform init -backend=false -lockfile=readonly` and `terraform validate` in the stack's own
 *    directory, with the stack as the root module and its committed lock file exactly as Atlantis
 *    runs it (init fails if the installed provider matches none of the lock's hashes or the lock
 *    would need a change): zero errors, zero warnings;
 *  - a plan through `terraform test`: the AWS provider mocked, every remote-state read overridden
 *    with values shaped like the upstream stack's outputs. The plans of one environment are the
 *    `run` blocks of one test file (one run, one stack, its own overrides), so Terraform loads the
 *    AWS provider schema once per environment rather than once per stack.
 * No network, no AWS credentials. Everything happens in a temporary directory, never in generated/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tools } from '../../environments/versions.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { generatedStacks, type GeneratedStack } from './generated-stacks.js';
import { mapLimit, offlineTerraform, type Terraform, type TerraformResult } from './terraform-cli.js';
import { planTestFile } from './tftest.js';

/** The machines have two cores; each Terraform process keeps one busy. */
const PARALLEL_PROCESSES = 2;

const stacks = await generatedStacks();
const model = loadRepositoryModel();
/** Every environment found in environments/, in promotion order. */
const ENVIRONMENTS = model.environments.map((e) => e.name);
const accounts = new Map(model.environments.map((e) => [e.name, { accountId: e.aws.accountId, region: e.aws.region }]));
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
const plans = new Map<string, EnvironmentPlan>();
let workspace = '';
let terraform: Terraform;

const stackDir = (s: GeneratedStack) => join(workspace, s.env, s.stack);
const planDir = (env: string) => join(workspace, env, '_plan');
const init = (dir: string) => terraform.run(['init', '-backend=false', '-input=false', '-no-color', ...(existsSync(join(dir, '.terraform.lock.hcl')) ? ['-lockfile=readonly'] : [])], dir);

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

/** Writes one environment's plan root: a provider requirement and the test file planning each of its stacks. */
function preparePlan(env: string): void {
  const own = stacks.filter((s) => s.env === env);
  mkdirSync(planDir(env), { recursive: true });
  const root = { terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: tools.awsProvider } } } };
  writeFileSync(join(planDir(env), 'main.tf.json'), JSON.stringify(root));
  const upstream = (name: string) => own.find((s) => s.stack === name)!.json;
  const planned = own.map((stack) => ({ stack, source: `../${stack.stack}` }));
  writeFileSync(join(planDir(env), 'offline.tftest.hcl'), planTestFile(planned, upstream, accounts.get(env)!));
}

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'platform-terraform-'));
  terraform = offlineTerraform(workspace);
  for (const stack of stacks) {
    mkdirSync(stackDir(stack), { recursive: true });
    writeFileSync(join(stackDir(stack), 'main.tf.json'), stack.text);
    if (stack.lock !== null) writeFileSync(join(stackDir(stack), '.terraform.lock.hcl'), stack.lock);
  }
  ENVIRONMENTS.forEach(preparePlan);

  // Every init first (one at a time if they share a writable plugin cache), so that no init ever
  // runs while another process executes the provider; then validate and plan in parallel.
  const inits = new Map<string, TerraformResult>();
  const dirs = [...stacks.map(stackDir), ...ENVIRONMENTS.map(planDir)];
  const results = await mapLimit(dirs, terraform.sharedCache ? 1 : PARALLEL_PROCESSES, init);
  dirs.forEach((dir, i) => inits.set(dir, results[i]!));

  const validate = async (stack: GeneratedStack) => {
    const initResult = inits.get(stackDir(stack))!;
    const validateResult = initResult.code === 0 ? await terraform.run(['validate', '-json', '-no-color'], stackDir(stack)) : null;
    checks.set(label(stack), { init: initResult, validate: validateResult });
  };
  const plan = async (env: string) => {
    const initResult = inits.get(planDir(env))!;
    const test = initResult.code === 0 ? await terraform.run(['test', '-json', '-no-color'], planDir(env)) : null;
    plans.set(env, { init: initResult, test, runs: runOutcomes(test?.stdout ?? '') });
  };
  const jobs = [...ENVIRONMENTS.map((env) => () => plan(env)), ...stacks.map((stack) => () => validate(stack))];
  await mapLimit(jobs, PARALLEL_PROCESSES, (job) => job());
}, 900_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const failure = (r: TerraformResult | null | undefined) => (r ? `terraform ${r.args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}` : 'did not run');

describe('every generated configuration, with real Terraform', () => {
  it('covers every stack of every environment and the state bootstrap', () => {
    expect(stacks.map(label).sort()).toEqual(
      ENVIRONMENTS.flatMap((env) => ['bootstrap', 'cluster', 'data', 'network', 'observability', 'services'].map((s) => `${env}/${s}`)).sort(),
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

  it.each(ENVIRONMENTS.map((env) => ({ env })))('$env: the test file passes as a whole', ({ env }) => {
    const plan = plans.get(env)!;
    expect(plan.test?.code, failure(plan.test)).toBe(0);
  });
});
