import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const IGNORED = ['node_modules/**', 'generated/**', '.cache/**'];
/** Test files of the toolchain's modules, on fixtures: no child process of the repository's commands. */
const UNITS = ['generators/**/*.test.ts', 'policies/**/*.test.ts', 'environments/**/*.test.ts', 'scripts/lib/**/*.test.ts'];

export default defineConfig({
  test: {
    // Separate processes: cdktf, cdk8s and the AWS provider bindings are heavy and keep module state.
    // Tests never hold a worker synchronously for long (tests/support/run-tsx.ts,
    // tests/support/stepwise-synthesis.ts), which is what keeps a busy runner green.
    pool: 'forks',
    // vitest's default is cores − 1: one worker on 2 cores, which leaves a core idle while a file
    // waits on its child processes (tsx, synth, git, terraform). Two workers on 2 cores: generators/,
    // environments/ and scripts/ took 18–20 s instead of 28 s, the same CPU time.
    maxWorkers: Math.max(availableParallelism() - 1, 2),
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
      // The toolchain's own tests on fixtures (next to the code they test) neither mock nor mutate
      // modules either: they share one process too, so the toolchain is imported once for all of
      // them rather than once per file.
      { extends: true, test: { name: 'units', include: UNITS, exclude: IGNORED, poolOptions: { forks: { isolate: false, singleFork: true } } } },
      { extends: true, test: { name: 'isolated', include: ['**/*.test.ts'], exclude: [...IGNORED, 'tests/invariants/**', ...UNITS] } },
    ],
  },
});
