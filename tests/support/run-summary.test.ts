/** The closing line counts every way a run can fail, and the exit code agrees with it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ModuleLike, summarizeRun } from './run-summary.js';
import { runCommand } from './run-tsx.js';
import { REPO_ROOT } from './tree.js';

const module = (state: string, tests: string[], errors: unknown[] = []): ModuleLike => ({
  state: () => state,
  errors: () => errors,
  children: { allTests: () => tests.map((s) => ({ result: () => ({ state: s }) })) },
});

describe('summarizeRun', () => {
  it('passes a run where every test passed', () => {
    const summary = summarizeRun([module('passed', ['passed', 'passed']), module('skipped', ['skipped'])], [], 'passed');
    expect(summary).toMatchObject({ passed: 2, failed: 0, skipped: 1, failedFiles: 0, unhandledErrors: 0, ok: true });
    expect(summary.line).toBe('2 passed, 0 failed, 1 skipped, 0 failed file(s), 0 unhandled error(s): run passed');
  });

  it('fails on a failed test', () => {
    expect(summarizeRun([module('failed', ['passed', 'failed'])], [], 'failed')).toMatchObject({ passed: 1, failed: 1, failedFiles: 0, ok: false });
  });

  it('fails on a file that failed outside its tests (import error, failing hook)', () => {
    const summary = summarizeRun([module('failed', [], [new Error('Cannot find module')]), module('passed', ['passed'])], [], 'failed');
    expect(summary).toMatchObject({ passed: 1, failed: 0, failedFiles: 1, ok: false });
    expect(summary.line).toContain('1 failed file(s)');
    expect(summary.line).toMatch(/run FAILED$/);
  });

  it('fails on an unhandled error although every test passed (the onTaskUpdate timeout case)', () => {
    const summary = summarizeRun([module('passed', ['passed'])], [{ message: '[vitest-worker]: Timeout calling "onTaskUpdate"' }], 'failed');
    expect(summary).toMatchObject({ passed: 1, failed: 0, unhandledErrors: 1, ok: false });
    expect(summary.line).toBe('1 passed, 0 failed, 0 skipped, 0 failed file(s), 1 unhandled error(s): run FAILED');
  });

  it('never calls a run vitest ended as failed or interrupted a pass', () => {
    expect(summarizeRun([module('passed', ['passed'])], [], 'failed').ok).toBe(false);
    expect(summarizeRun([module('passed', ['passed'])], [], 'interrupted').line).toMatch(/run INTERRUPTED$/);
  });
});

describe('the summary reporter in a real vitest run', () => {
  const fixture = join(REPO_ROOT, 'tests/support/fixtures/summary');
  const vitest = (...filters: string[]) =>
    runCommand(join(REPO_ROOT, 'node_modules/.bin/vitest'), ['run', '--config', 'vitest.config.ts', ...filters], fixture);
  const closingLine = (stdout: string) => stdout.trimEnd().split('\n').at(-1);

  it('ends a clean run with a passed line and exit code 0', async () => {
    const result = await vitest('passing');
    expect(closingLine(result.stdout)).toBe('1 passed, 0 failed, 0 skipped, 0 failed file(s), 0 unhandled error(s): run passed');
    expect(result.status).toBe(0);
  });

  it('ends a run whose tests pass but which had an unhandled error with a FAILED line and exit code 1', async () => {
    const result = await vitest();
    expect(closingLine(result.stdout)).toBe('2 passed, 0 failed, 0 skipped, 0 failed file(s), 1 unhandled error(s): run FAILED');
    expect(result.status).toBe(1);
  });
});
