/**
 * Runs a child process without blocking the test worker (never spawnSync/execFileSync): the worker
 * keeps answering vitest while the child runs, however busy the machine is.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface ProcessResult {
  /** Exit code; -1 when the process was killed by a signal. */
  status: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the child is killed (a safety net; the test's own timeout should be larger). */
  timeout?: number;
}

export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 28, timeout: options.timeout ?? 0 },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({ status: error ? (typeof code === 'number' ? code : -1) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs a TypeScript entry point of `root` with that root's tsx, as `pnpm <script>` would. */
export function runTsx(root: string, script: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  return runProcess(join(root, 'node_modules/.bin/tsx'), [script, ...args], { cwd: root, env: { ...process.env, ...env } });
}
