/** Temporary directory trees for writer and CLI tests. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function tempDir(prefix = 'platform-gitops-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file below `root` with its content, keyed by POSIX relative path. */
export function snapshotTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    if (full.includes(`${sep}node_modules${sep}`)) continue;
    files[relative(root, full).split(sep).join('/')] = readFileSync(full, 'utf8');
  }
  return files;
}

/** A working copy of the repository (sources and committed output; node_modules linked, no .git). */
export function copyRepository(): string {
  const dir = tempDir();
  cpSync(REPO_ROOT, dir, {
    recursive: true,
    filter: (source) => {
      const rel = relative(REPO_ROOT, source).split(sep);
      return !['node_modules', '.git', '.terraform', '.cache'].includes(rel[0] ?? '');
    },
  });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Replaces `from` by `to` in a file of `root` (which must contain it); returns a function that restores the file. */
export function editFile(root: string, path: string, from: string, to: string): () => void {
  const full = join(root, path);
  const original = readFileSync(full, 'utf8');
  if (!original.includes(from)) throw new Error(`${from} not in ${path}`);
  writeFileSync(full, original.replace(from, to));
  return () => writeFileSync(full, original);
}
