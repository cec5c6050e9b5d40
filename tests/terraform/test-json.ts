/**
 * Reads the machine-readable output of `terraform test -json`. Each `run` block first validates
 * the configuration under test exactly as `terraform validate` does (Terraform 1.11,
 * internal/backend/local/test.go: `tfCtx.Validate(config)` before the plan), and its warnings and
 * errors, a deprecated argument included, arrive as `diagnostic` messages tagged with the run
 * (`@testrun`); a warning does not change the run's status, so the caller must assert them.
 */

export interface Diagnostic {
  severity: string;
  summary: string;
  detail?: string;
  range?: { filename: string; start: { line: number } };
  snippet?: { context?: string | null };
}

export interface RunOutcome {
  status: string;
  errors: string[];
  warnings: string[];
}

export interface TestReport {
  runs: Map<string, RunOutcome>;
  /** Diagnostics outside any run (loading the test file and its modules). */
  fileDiagnostics: Diagnostic[];
}

interface Message {
  type: string;
  '@testrun'?: string;
  test_run?: { run: string; status?: string };
  diagnostic?: Diagnostic;
}

export const describeDiagnostic = (d: Diagnostic) => `${d.severity}: ${d.summary}${d.range ? ` (${d.range.filename}:${d.range.start.line})` : ''}${d.detail ? `: ${d.detail}` : ''}`;

export function parseTestJson(stdout: string): TestReport {
  const runs = new Map<string, RunOutcome>();
  const fileDiagnostics: Diagnostic[] = [];
  const outcome = (run: string) => runs.get(run) ?? runs.set(run, { status: 'not run', errors: [], warnings: [] }).get(run)!;
  for (const line of stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const message = JSON.parse(line) as Message;
    if (message.type === 'test_run' && message.test_run?.status) outcome(message.test_run.run).status = message.test_run.status;
    if (message.type !== 'diagnostic' || !message.diagnostic) continue;
    const run = message['@testrun'];
    if (!run) fileDiagnostics.push(message.diagnostic);
    else if (message.diagnostic.severity === 'warning') outcome(run).warnings.push(describeDiagnostic(message.diagnostic));
    else outcome(run).errors.push(describeDiagnostic(message.diagnostic));
  }
  return { runs, fileDiagnostics };
}

/**
 * The one warning a stack cannot avoid when `terraform test` loads it as a run's module: its
 * `terraform { backend }` block (Atlantis needs it at the root) is "ignored". Anything else,
 * or this warning pointing anywhere but a stack's backend block, is a problem.
 */
export function isIgnoredBackendNotice(d: Diagnostic, stackDirs: readonly string[]): boolean {
  return (
    d.severity === 'warning' &&
    d.summary === 'Backend configuration ignored' &&
    d.snippet?.context === 'terraform.backend' &&
    stackDirs.some((dir) => d.range?.filename === `${dir}/main.tf.json`)
  );
}
