/**
 * Runs a command of a repository (copy) in an asynchronous child process, the test worker never blocking:
 * as package.json runs it (`runScript`, the prebuilt bundle's launcher) or through tsx (`runScriptWithTsx`).
 * (The file keeps its name from when every command ran through tsx.)
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Extra or overriding environment variables; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** A command to prefix (e.g. `strace -o log`), run with the tsx binary as its argument. */
  wrapper?: string[];
}

/** Runs `command` with `args` in `cwd`; resolves with exit code and output (never rejects on a non-zero exit). */
export function runCommand(command: string, args: string[], cwd: string, options: RunOptions = {}): Promise<RunResult> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env })) {
    if (value !== undefined) env[key] = value;
  }
  const [program, ...rest] = options.wrapper ? [...options.wrapper, command, ...args] : [command, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(program!, rest, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 128 : -1), stdout, stderr }));
  });
}

/**
 * `pnpm <script>` in `root` without pnpm's own start-up: exactly what package.json's script runs,
 * the launcher of the prebuilt bundle (scripts/bundle/run.mjs), which hands a source that does not
 * load to tsx as `pnpm <script>` does.
 */
export function runScript(root: string, script: string, args: string[] = [], options: RunOptions = {}): Promise<RunResult> {
  return runCommand(process.execPath, ['scripts/bundle/run.mjs', script, ...args], root, options);
}

/** `scripts/<script>.ts` run by the repository's own tsx, without the bundle (what the bundle must agree with). */
export function runScriptWithTsx(root: string, script: string, args: string[] = [], options: RunOptions = {}): Promise<RunResult> {
  return runCommand(join(root, 'node_modules/.bin/tsx'), [`scripts/${script}.ts`, ...args], root, options);
}
