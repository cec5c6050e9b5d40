/**
 * Validates and plans generated stacks with real Terraform, offline, with few processes (each
 * Terraform process spends seconds loading the 700 MB AWS provider, whatever the configuration):
 *
 *  - stacks are grouped into test roots, one per environment (and per distinct lock file and
 *    provider requirements, so that one lock stands for every stack of its root). A root holds its
 *    stacks as folders, the stacks' committed `.terraform.lock.hcl` and one `.tftest.hcl` with a
 *    `run` per stack (the stack is the run's module: validated as a root module, then planned with
 *    the AWS provider mocked and its remote-state reads overridden);
 *  - one `terraform init -backend=false -lockfile=readonly` per root: the installed provider must
 *    match the lock's hashes and the lock must need no change for the requirements of every stack
 *    of the root (they are the root's requirements: its own main.tf.json requires nothing);
 *  - one `terraform test -json` per root: each run's validation and plan diagnostics, warnings
 *    included, are collected per stack (test-json.ts);
 *  - one `terraform validate -json` of every stack's provider blocks, which the mocked provider
 *    hides from `terraform test` (provider-configurations.ts).
 *
 * At most `parallel` Terraform processes at a time, all asynchronous; every init runs before any
 * other command (an init may rewrite a shared plugin cache under a running provider).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedStack } from './generated-stacks.js';
import { providerRoot } from './provider-configurations.js';
import { describeDiagnostic, isIgnoredBackendNotice, parseTestJson, type Diagnostic } from './test-json.js';
import { mapLimit, type Terraform, type TerraformResult } from './terraform-cli.js';
import { planTestFile, type Account } from './tftest.js';

export const stackLabel = (s: { env: string; stack: string }) => `${s.env}/${s.stack}`;

export interface TestRoot {
  name: string;
  stacks: GeneratedStack[];
  lock: string | null;
}

export interface StackVerdict {
  /** `init` of the stack's test root (provider installed, lock accepted read-only). */
  init: string[];
  /** Validation and plan of the stack in its run: errors, warnings, a status other than pass. */
  plan: string[];
  /** Validation of the stack's provider blocks against the real provider. */
  provider: string[];
}

export interface OfflineReport {
  roots: { root: TestRoot; init: TerraformResult; test: TerraformResult | null }[];
  verdicts: Map<string, StackVerdict>;
}

/** Groups stacks into test roots: one per environment, split further only if lock files or provider requirements differ. */
export function testRoots(stacks: readonly GeneratedStack[]): TestRoot[] {
  const groups = new Map<string, GeneratedStack[]>();
  for (const stack of stacks) {
    const key = JSON.stringify([stack.env, stack.lock, stack.json.terraform?.required_providers ?? {}]);
    groups.set(key, [...(groups.get(key) ?? []), stack]);
  }
  const perEnv = new Map<string, number>();
  return [...groups.values()].map((own) => {
    const env = own[0]!.env;
    const index = perEnv.get(env) ?? 0;
    perEnv.set(env, index + 1);
    return { name: index === 0 ? env : `${env}-${index + 1}`, stacks: own, lock: own[0]!.lock };
  });
}

const failure = (r: TerraformResult) => `terraform ${r.args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`.trim();

export async function checkOffline(stacks: readonly GeneratedStack[], account: (env: string) => Account, terraform: Terraform, workspace: string, parallel: number): Promise<OfflineReport> {
  const roots = testRoots(stacks);
  const rootDir = (root: TestRoot) => join(workspace, 'roots', root.name);
  for (const root of roots) {
    for (const stack of root.stacks) {
      mkdirSync(join(rootDir(root), stack.stack), { recursive: true });
      writeFileSync(join(rootDir(root), stack.stack, 'main.tf.json'), stack.text);
    }
    writeFileSync(join(rootDir(root), 'main.tf.json'), '{"terraform": {}}\n');
    if (root.lock !== null) writeFileSync(join(rootDir(root), '.terraform.lock.hcl'), root.lock);
    const env = root.stacks[0]!.env;
    const upstream = (name: string) => stacks.find((s) => s.env === env && s.stack === name)!.json;
    const planned = root.stacks.map((stack) => ({ stack, source: `./${stack.stack}` }));
    writeFileSync(join(rootDir(root), 'offline.tftest.hcl'), planTestFile(planned, upstream, account(env)));
  }
  const providers = providerRoot(stacks.map((stack) => ({ label: stackLabel(stack), stack })));
  const providerDir = join(workspace, 'provider-configurations');
  mkdirSync(providerDir, { recursive: true });
  writeFileSync(join(providerDir, 'main.tf.json'), providers.text);

  const init = (dir: string, readonlyLock: boolean) =>
    terraform.run(['init', '-backend=false', '-input=false', '-no-color', ...(readonlyLock ? ['-lockfile=readonly'] : [])], dir);
  const inits = await mapLimit([...roots.map((root) => () => init(rootDir(root), root.lock !== null)), () => init(providerDir, false)], terraform.sharedCache ? 1 : parallel, (job) => job());
  const rootInits = inits.slice(0, roots.length);
  const providerInit = inits[roots.length]!;

  const jobs: (() => Promise<TerraformResult | null>)[] = [
    ...roots.map((root, i) => async () => (rootInits[i]!.code === 0 ? terraform.run(['test', '-json', '-no-color'], rootDir(root)) : null)),
    async () => (providerInit.code === 0 ? terraform.run(['validate', '-json', '-no-color'], providerDir) : null),
  ];
  const results = await mapLimit(jobs, parallel, (job) => job());
  const tests = results.slice(0, roots.length);
  const providerValidation = results[roots.length]!;

  const verdicts = new Map<string, StackVerdict>(stacks.map((s) => [stackLabel(s), { init: [], plan: [], provider: [] }]));
  roots.forEach((root, i) => {
    const initResult = rootInits[i]!;
    const test = tests[i];
    const report = parseTestJson(test?.stdout ?? '');
    const stackDirs = root.stacks.map((s) => s.stack);
    const fileProblems = report.fileDiagnostics.filter((d) => !isIgnoredBackendNotice(d, stackDirs));
    for (const stack of root.stacks) {
      const verdict = verdicts.get(stackLabel(stack))!;
      if (initResult.code !== 0) verdict.init.push(failure(initResult));
      if (!test) {
        verdict.plan.push(`not run: the init of test root ${root.name} failed`);
        continue;
      }
      const run = report.runs.get(stack.stack);
      if (!run) verdict.plan.push(`no run "${stack.stack}" in the output of ${failure(test)}`);
      else {
        if (run.status === 'skip') verdict.plan.push('not planned: terraform test skips the runs after a failed one');
        else if (run.status !== 'pass') verdict.plan.push(`status ${run.status}`);
        verdict.plan.push(...run.errors, ...run.warnings);
      }
      const mine = (d: Diagnostic) => !d.range || !stackDirs.some((dir) => d.range!.filename.startsWith(`${dir}/`)) || d.range.filename.startsWith(`${stack.stack}/`);
      verdict.plan.push(...fileProblems.filter(mine).map(describeDiagnostic));
    }
  });

  for (const [label, reason] of providers.uncopyable) verdicts.get(label)!.provider.push(reason);
  if (!providerValidation) {
    for (const verdict of verdicts.values()) verdict.provider.push(`not validated: ${failure(providerInit)}`);
  } else {
    const report = JSON.parse(providerValidation.stdout) as { valid: boolean; diagnostics: Diagnostic[] };
    for (const diagnostic of report.diagnostics) {
      const owner = diagnostic.range ? providers.owners.get(diagnostic.range.start.line) : undefined;
      for (const [label, verdict] of verdicts) if (!owner || owner === label) verdict.provider.push(describeDiagnostic(diagnostic));
    }
    if (!report.valid && report.diagnostics.length === 0) for (const verdict of verdicts.values()) verdict.provider.push(failure(providerValidation));
  }
  return { roots: roots.map((root, i) => ({ root, init: rootInits[i]!, test: tests[i] ?? null })), verdicts };
}
