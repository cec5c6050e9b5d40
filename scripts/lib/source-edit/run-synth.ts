/**
 * Runs `pnpm synth` for a command that has just edited sources (new-service, promote): a child
 * process of the same launcher (the prebuilt bundle rebuilds only the edited sources), its output
 * shown as it comes. Asynchronous; resolves to the exit code.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export function runSynth(root: string, args: readonly string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/bundle/run.mjs'), 'synth', ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
