import { defineConfig } from 'vitest/config';

const IGNORED = ['node_modules/**', 'generated/**', '.cache/**'];

export default defineConfig({
  test: {
    // Separate processes: cdktf, cdk8s and the AWS provider bindings are heavy and keep module state.
    // On 2 cores vitest's default is one worker (cores − 1), which leaves the main process a core to
    // answer the workers; tests never hold a worker synchronously for long (tests/support/run-tsx.ts,
    // tests/support/stepwise-synthesis.ts), which is what keeps a busy runner green.
    pool: 'forks',
    // Safety nets, not the fix: Terraform-backed tests run real binaries, and a loaded 2-core runner is slow.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
    reporters: ['./tests/support/summary-reporter.ts', 'default'],
    // Each project names its own files: with `extends: true`, arrays set at the top would be merged
    // into both projects' and every file would run twice.
    projects: [
      // The invariants only read the repository's output (tests/support/repository-output.ts) and edit
      // deep copies of its inputs (tests/support/inputs.ts), never module state: they share one
      // process, so the toolchain is imported and the repository synthesized once for all of them
      // rather than once per file.
      { extends: true, test: { name: 'invariants', include: ['tests/invariants/**/*.test.ts'], exclude: IGNORED, poolOptions: { forks: { isolate: false, singleFork: true } } } },
      { extends: true, test: { name: 'isolated', include: ['**/*.test.ts'], exclude: [...IGNORED, 'tests/invariants/**'] } },
    ],
  },
});
