/**
 * Prints one plain closing line that any CI log reader understands, e.g.
 * `590 passed, 0 failed, 0 skipped, 0 failed file(s), 0 unhandled error(s): run passed`,
 * and makes the exit code agree with it: a run that is not `passed` exits non-zero.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';
import { summarizeRun } from './run-summary.js';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const summary = summarizeRun(testModules, unhandledErrors, reason);
    if (!summary.ok) process.exitCode = 1;
    // Printed once the default reporter has written its summary, so this stays the closing line.
    process.once('beforeExit', () => {
      if (!summary.ok) process.exitCode = 1;
      process.stdout.write(`\n${summary.line}\n`);
    });
  }
}
