/**
 * The closing line of a test run, counted from everything that can fail it: failed tests, test
 * files that failed outside a test (import error, failing hook), and errors vitest could not
 * attribute to any test (an unhandled rejection, a `Timeout calling "onTaskUpdate"`).
 */

/** The parts of vitest's TestModule the summary reads (a structural type, so fixtures can stand in). */
export interface ModuleLike {
  state(): string;
  errors(): readonly unknown[];
  children: { allTests(): Iterable<{ result(): { state: string } }> };
}

export interface RunSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** Test files that failed outside any test (they may hold no test at all). */
  failedFiles: number;
  /** Errors outside every test and file. */
  unhandledErrors: number;
  /** True only when nothing above failed and vitest itself ended the run as passed. */
  ok: boolean;
  line: string;
}

export function summarizeRun(modules: readonly ModuleLike[], unhandledErrors: readonly unknown[], reason: string): RunSummary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let failedFiles = 0;
  for (const module of modules) {
    let failedTests = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failedTests++;
      else skipped++;
    }
    failed += failedTests;
    if (module.errors().length > 0 || (module.state() === 'failed' && failedTests === 0)) failedFiles++;
  }
  const errors = unhandledErrors.length;
  const ok = reason === 'passed' && failed === 0 && failedFiles === 0 && errors === 0;
  const verdict = ok ? 'passed' : reason === 'interrupted' ? 'INTERRUPTED' : 'FAILED';
  const line = `${passed} passed, ${failed} failed, ${skipped} skipped, ${failedFiles} failed file(s), ${errors} unhandled error(s): run ${verdict}`;
  return { passed, failed, skipped, failedFiles, unhandledErrors: errors, ok, line };
}
