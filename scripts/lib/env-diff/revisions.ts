/**
 * The two sides of a diff. A revision reads files either from a commit (through git, nothing is
 * checked out) or from the working tree. The base defaults to the merge base of HEAD with the
 * default branch (`origin/<branch>` when a remote-tracking branch exists, else the local branch),
 * and an explicit `--base` is also reduced to its merge base with head, as GitHub's PR diff is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { UsageError } from '../cli.js';
import { changedFiles, countCommits, listTree, mergeBase, readBlobs, resolveCommit } from './git.js';
import type { BaseInfo, RevisionInfo } from './types.js';

export interface Revision {
  info: RevisionInfo;
  /** Contents of the files that exist; absent paths are missing from the map. */
  read(paths: readonly string[]): Map<string, string>;
  /** Every file under a repository-relative folder, recursively. */
  list(dir: string): string[];
}

export function commitRevision(root: string, ref: string, commit: string): Revision {
  return {
    info: { ref, commit },
    read: (paths) => readBlobs(root, commit, paths),
    list: (dir) => listTree(root, commit, [dir]),
  };
}

export const WORKING_TREE = 'working tree';

export function workingTreeRevision(root: string): Revision {
  return {
    info: { ref: WORKING_TREE, commit: null },
    read(paths) {
      const contents = new Map<string, string>();
      for (const path of paths) {
        const full = join(root, path);
        if (existsSync(full)) contents.set(path, readFileSync(full, 'utf8'));
      }
      return contents;
    },
    list(dir) {
      const full = join(root, dir);
      if (!existsSync(full)) return [];
      return readdirSync(full, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
    },
  };
}

export interface RangeRequest {
  /** Base ref; defaults to the default branch. */
  base?: string | undefined;
  /** Head ref; defaults to the working tree. */
  head?: string | undefined;
  defaultBranch: string;
}

export interface ResolvedRange {
  base: Revision & { info: BaseInfo };
  head: Revision;
  /** Every file that differs between base and head, sources included (Atlantis matches against these). */
  changedFiles: string[];
}

function defaultBaseRef(root: string, branch: string): string {
  for (const candidate of [`origin/${branch}`, branch]) {
    if (resolveCommit(root, candidate)) return candidate;
  }
  throw new UsageError(`no --base given and neither origin/${branch} nor ${branch} exists; pass --base <ref>`);
}

function commitOf(root: string, ref: string, flag: string): string {
  const commit = resolveCommit(root, ref);
  if (!commit) throw new UsageError(`${flag}: unknown revision "${ref}"`);
  return commit;
}

export function resolveRange(root: string, request: RangeRequest): ResolvedRange {
  const baseRef = request.base ?? defaultBaseRef(root, request.defaultBranch);
  const tip = commitOf(root, baseRef, '--base');
  const headCommit = request.head === undefined ? null : commitOf(root, request.head, '--head');
  const headForMergeBase = headCommit ?? commitOf(root, 'HEAD', '--head');
  const base = mergeBase(root, tip, headForMergeBase);
  if (!base) {
    throw new UsageError(`--base: ${baseRef} and ${request.head ?? 'HEAD'} have no common history (a shallow clone? fetch with fetch-depth: 0)`);
  }
  const behind = countCommits(root, base, tip);
  const head = headCommit === null ? workingTreeRevision(root) : commitRevision(root, request.head ?? headCommit, headCommit);
  return {
    base: { ...commitRevision(root, baseRef, base), info: { ref: baseRef, commit: base, tip, behind } },
    head,
    changedFiles: changedFiles(root, base, headCommit).sort(),
  };
}
