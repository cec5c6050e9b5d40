/**
 * What a "user's changes in a copy of the repository" test proves after the changes: the copy is
 * clean for `synth --check` and `pnpm policies`, and the whole invariant suite passes there,
 * unchanged (tests/user-changes-in-a-copy.test.ts).
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCommand, runScript, type RunResult } from './run-tsx.js';

/** A command's status and the last lines of its output (what a failure message needs). */
export const outcome = (r: RunResult) => ({ status: r.status, output: `${r.stdout}${r.stderr}`.trim().split('\n').slice(-15).join('\n') });

export async function expectCleanForCheckAndPolicies(root: string): Promise<void> {
  expect(outcome(await runScript(root, 'synth', ['--check']))).toMatchObject({ status: 0 });
  expect(outcome(await runScript(root, 'policies'))).toMatchObject({ status: 0 });
}

export async function expectInvariantSuitePasses(root: string): Promise<void> {
  const run = await runCommand(join(root, 'node_modules/.bin/vitest'), ['run', 'tests/invariants', '--no-cache'], root);
  const closing = run.stdout.trimEnd().split('\n').at(-1) ?? '';
  expect({ status: run.status, closing }, outcome(run).output).toMatchObject({ status: 0, closing: expect.stringMatching(/^\d+ passed, 0 failed, .*run passed$/) });
  // The suite really ran (not an empty selection).
  expect(Number(/^(\d+) passed/.exec(closing)?.[1])).toBeGreaterThan(100);
}
