import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'generated/**'],
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
  },
});
