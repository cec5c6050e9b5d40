/**
 * A throwaway copy of the repository (tracked and new files, node_modules linked) in which
 * scenario tests edit committed files and run the real commands.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface TempRepo {
  root: string;
  read(path: string): string;
  write(path: string, text: string): void;
  edit(path: string, change: (text: string) => string): void;
  /** Runs a package script (`policies`, `synth`) with tsx, as `pnpm <script>` would; returns exit code and output. */
  run(script: 'policies' | 'synth', ...args: string[]): { status: number; output: string };
  remove(): void;
}

export function tempRepo(): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'platform-gitops-'));
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  for (const path of listed.stdout.split('\n').filter(Boolean)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    try {
      cpSync(join(REPO_ROOT, path), join(root, path));
    } catch {
      // Listed but deleted in the working tree: not part of the copy.
    }
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  const full = (path: string) => join(root, path);
  return {
    root,
    read: (path) => readFileSync(full(path), 'utf8'),
    write: (path, text) => {
      mkdirSync(dirname(full(path)), { recursive: true });
      writeFileSync(full(path), text);
    },
    edit(path, change) {
      const before = this.read(path);
      const after = change(before);
      if (after === before) throw new Error(`edit of ${path} changed nothing`);
      this.write(path, after);
    },
    run(script, ...args) {
      const result = spawnSync(join(root, 'node_modules/.bin/tsx'), [`scripts/${script}.ts`, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
