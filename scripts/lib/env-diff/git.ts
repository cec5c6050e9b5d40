/**
 * Git plumbing: resolve revisions, list changed files and read blobs without checking anything out
 * (`git ls-tree`, one `git cat-file --batch` per revision). Paths are repository-relative POSIX.
 */
import { spawnSync } from 'node:child_process';
import { UsageError } from '../cli.js';

const MAX_OUTPUT = 1 << 30;

export class GitError extends Error {}

/** Runs git and returns stdout; a non-zero exit becomes a GitError carrying git's own message. */
export function git(root: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', args, {
    cwd: root,
    input,
    maxBuffer: MAX_OUTPUT,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const message = result.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    throw new GitError(`git ${args[0]}: ${message || `exit code ${result.status}`}`);
  }
  return result.stdout;
}

function splitNul(output: Buffer): string[] {
  return output.toString('utf8').split('\0').filter((entry) => entry !== '');
}

export function repositoryRoot(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`${cwd} is not inside a git repository`);
    throw error;
  }
}

/** The commit a ref names, or undefined when it names none. */
export function resolveCommit(root: string, ref: string): string | undefined {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

export function mergeBase(root: string, a: string, b: string): string | undefined {
  try {
    return git(root, ['merge-base', a, b]).toString('utf8').trim() || undefined;
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/** Commits reachable from `to` but not from `from`. */
export function countCommits(root: string, from: string, to: string): number {
  return Number(git(root, ['rev-list', '--count', `${from}..${to}`]).toString('utf8').trim());
}

/**
 * Files that differ between `base` and `head` (a commit), or between `base` and the working tree
 * (head null: tracked changes, staged or not, plus untracked files that are not ignored).
 */
export function changedFiles(root: string, base: string, head: string | null): string[] {
  const diff = ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', base];
  if (head !== null) return splitNul(git(root, [...diff, head, '--']));
  const tracked = splitNul(git(root, [...diff, '--']));
  const untracked = splitNul(git(root, ['ls-files', '-z', '--others', '--exclude-standard']));
  return [...new Set([...tracked, ...untracked])];
}

/** Files of a commit under the given folders (or files). */
export function listTree(root: string, commit: string, paths: string[]): string[] {
  if (paths.length === 0) return [];
  return splitNul(git(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', ...paths]));
}

/** Reads many files of one commit through a single `git cat-file --batch`; missing files are absent from the map. */
export function readBlobs(root: string, commit: string, paths: readonly string[]): Map<string, string> {
  const contents = new Map<string, string>();
  if (paths.length === 0) return contents;
  const output = git(root, ['cat-file', '--batch'], paths.map((path) => `${commit}:${path}\n`).join(''));
  let offset = 0;
  for (const path of paths) {
    const newline = output.indexOf(0x0a, offset);
    const header = output.toString('utf8', offset, newline);
    offset = newline + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const [, type, size] = header.split(' ');
    const length = Number(size);
    if (type === 'blob') contents.set(path, output.toString('utf8', offset, offset + length));
    offset += length + 1;
  }
  return contents;
}
