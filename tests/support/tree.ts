/** Temporary directory trees for writer and CLI tests. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
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

/**
 * Every file below `root` with its content, keyed by POSIX relative path; node_modules and the
 * commands' own cache (`.cache/`, ignored by Git: bundles, compile cache) left out.
 */
export function snapshotTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const cache = join(root, '.cache');
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    if (full.includes(`${sep}node_modules${sep}`) || full.startsWith(`${cache}${sep}`)) continue;
    files[relative(root, full).split(sep).join('/')] = readFileSync(full, 'utf8');
  }
  return files;
}

/** The prebuilt command bundle's folder (scripts/bundle/inputs.mjs), inside the repository. */
const BUNDLE_DIR = '.cache/bundle';

export interface CopyOptions {
  /**
   * Start the copy with the repository's built command bundles (default), as a checkout where
   * `pnpm install` has run: its first command does not spend a second building one. Bundles are
   * named by the fingerprint of the sources they were built from, so one that does not match the
   * copy's sources is never run. `false` for tests of the build itself.
   */
  bundle?: boolean;
}

/** Complete bundle folders only: never one another process is still building. */
const isBuiltBundle = (source: string) => !relative(join(REPO_ROOT, BUNDLE_DIR), source).split(sep)[0]!.includes('.');

/** Copies the repository's built command bundles into `dir` (nothing when it has none). */
export function seedBundles(dir: string): void {
  const bundles = join(REPO_ROOT, BUNDLE_DIR);
  if (existsSync(bundles)) cpSync(bundles, join(dir, BUNDLE_DIR), { recursive: true, filter: isBuiltBundle });
}

/** `seedBundles`, without holding the caller's event loop. */
export async function seedBundlesAsync(dir: string): Promise<void> {
  const bundles = join(REPO_ROOT, BUNDLE_DIR);
  if (existsSync(bundles)) await cp(bundles, join(dir, BUNDLE_DIR), { recursive: true, filter: isBuiltBundle });
}

/** A working copy of the repository (sources and committed output; node_modules linked, no .git). */
export function copyRepository(options: CopyOptions = {}): string {
  const dir = tempDir();
  cpSync(REPO_ROOT, dir, {
    recursive: true,
    filter: (source) => {
      const rel = relative(REPO_ROOT, source).split(sep);
      return !['node_modules', '.git', '.terraform', '.cache'].includes(rel[0] ?? '');
    },
  });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  if (options.bundle ?? true) seedBundles(dir);
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
