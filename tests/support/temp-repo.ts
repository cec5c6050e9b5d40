/** A throwaway copy of the repository in which scenario tests edit committed files and run the real commands. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runScript } from './run-tsx.js';
import { copyRepository, removeDir } from './tree.js';

export { REPO_ROOT } from './tree.js';

export interface TempRepo {
  root: string;
  read(path: string): string;
  write(path: string, text: string): void;
  edit(path: string, change: (text: string) => string): void;
  /** Runs a package script (`policies`, `synth`) with tsx, as `pnpm <script>` would, as a child process the worker does not wait on; resolves to exit code and output. */
  run(script: 'policies' | 'synth', ...args: string[]): Promise<{ status: number; output: string }>;
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
    async run(script, ...args) {
      const result = await runScript(root, script, args);
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    },
    remove: () => removeDir(root),
  };
}
