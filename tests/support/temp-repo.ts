/** A throwaway copy of the repository in which scenario tests edit committed files and run the real commands. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyRepository, removeDir } from './tree.js';

export { REPO_ROOT } from './tree.js';

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
  const root = copyRepository();
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
    remove: () => removeDir(root),
  };
}
