/**
 * The one writer: compares rendered files with disk, writes only what changed (temp file + rename),
 * prunes files it produced before and no longer produces, and writes the manifest last.
 * `planSync` decides everything without writing; `applySync` carries a plan out; `--check` stops
 * after planning. Before it reads anything, planning refuses (one line each, see output-guard.ts)
 * a symbolic link on any output path, a path outside synth's outputs (generators/output-paths.ts)
 * named by a generator or by the manifest, and a folder where a file is expected. Temporary files
 * of an interrupted run are removed by the next write and are never drift.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

import type { GeneratedFile } from '../../generators/document.js';
import { GENERATED_MARKER, renderFile } from '../../generators/render.js';
import { compareStrings } from '../../generators/sort.js';
import { OUTPUT_DIRECTORIES } from '../../generators/output-paths.js';
import { MANIFEST_PATH, manifestEntry, manifestFile, parseManifest } from './manifest.js';
import { leftoverTempFiles, manifestEntryProblems, OutputPathError, outputLinks, producedPathProblems, TEMP_FILE } from './output-guard.js';

/** Directories synth owns entirely: any other file found in them is unexpected. */
export const OWNED_ROOTS = OUTPUT_DIRECTORIES;

export interface FileChange {
  path: string;
  kind: 'create' | 'update';
  before: string | undefined;
  after: string;
}

export interface SyncPlan {
  /** Files to create or update, the manifest last. */
  writes: FileChange[];
  /** Files produced before (listed in the manifest, in scope) and no longer produced. */
  deletes: string[];
  /** Manifest entries that are not pruned: the file lost its generated header. */
  skippedDeletes: { path: string; reason: string }[];
  /** Files under an owned root that synth neither produces nor produced before. */
  unexpected: string[];
  /** Temporary files an interrupted run left next to outputs: removed by the next write, not drift. */
  leftovers: string[];
  unchanged: number;
}

export interface SyncOptions {
  /** Environments being synthesized; repository-wide files (environment null) are always in scope. */
  environments: readonly string[];
  /**
   * Every environment of the model. Output recorded for an environment that is not among them (its
   * file was removed or renamed) is in scope too, so synth deletes it.
   */
  allEnvironments?: readonly string[];
}

function readIfExists(root: string, path: string): string | undefined {
  const full = join(root, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

/** Files below `dir`, as repository-relative POSIX paths. */
export function listFiles(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

export function planSync(root: string, files: GeneratedFile[], options: SyncOptions): SyncPlan {
  const removed = (environment: string) => options.allEnvironments !== undefined && !options.allEnvironments.includes(environment);
  const inScope = (environment: string | null) => environment === null || options.environments.includes(environment) || removed(environment);
  const links = outputLinks(root);
  if (links.length > 0) throw new OutputPathError(links);
  const pathProblems = producedPathProblems(root, [...files.map((f) => f.path), MANIFEST_PATH]);
  if (pathProblems.length > 0) throw new OutputPathError(pathProblems);
  const previous = parseManifest(readIfExists(root, MANIFEST_PATH));
  const entryProblems = manifestEntryProblems(root, previous.map((entry) => entry.path));
  if (entryProblems.length > 0) throw new OutputPathError(entryProblems);
  const produced = new Set(files.map((f) => f.path));

  const kept = previous.filter((entry) => !inScope(entry.environment) && !produced.has(entry.path));
  const nextManifest = manifestFile([...kept, ...files.map(manifestEntry)]);

  const writes: FileChange[] = [];
  let unchanged = 0;
  for (const file of [...files, nextManifest]) {
    const after = renderFile(file);
    const before = readIfExists(root, file.path);
    if (before === after) unchanged++;
    else writes.push({ path: file.path, kind: before === undefined ? 'create' : 'update', before, after });
  }

  const deletes: string[] = [];
  const skippedDeletes: SyncPlan['skippedDeletes'] = [];
  for (const entry of previous) {
    if (!inScope(entry.environment) || produced.has(entry.path)) continue;
    const current = readIfExists(root, entry.path);
    if (current === undefined) continue;
    else if (!current.includes(GENERATED_MARKER)) skippedDeletes.push({ path: entry.path, reason: 'it has no generated header' });
    else deletes.push(entry.path);
  }

  const known = new Set([...produced, ...kept.map((e) => e.path), ...deletes, MANIFEST_PATH]);
  const owned = OWNED_ROOTS.flatMap((dir) => listFiles(root, dir));
  const leftovers = leftoverTempFiles(root, owned);
  const unexpected = owned.filter((path) => !known.has(path) && !TEMP_FILE.test(path));

  const order = (a: string, b: string) => compareStrings(a, b);
  return {
    writes: writes.sort((a, b) => (a.path === MANIFEST_PATH ? 1 : b.path === MANIFEST_PATH ? -1 : order(a.path, b.path))),
    deletes: deletes.sort(order),
    skippedDeletes,
    unexpected: unexpected.sort(order),
    leftovers: leftovers.sort(order),
    unchanged,
  };
}

function writeAtomically(root: string, path: string, content: string): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  const temp = `${full}.synth-${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, full);
}

function removeEmptyParents(root: string, path: string): void {
  let dir = dirname(join(root, path));
  while (relative(root, dir) && !relative(root, dir).startsWith('..')) {
    if (readdirSync(dir).length > 0) return;
    rmdirSync(dir);
    dir = dirname(dir);
  }
}

/** Carries out a plan: removes an interrupted run's leftovers, writes (the manifest last, as planned), then prunes. */
export function applySync(root: string, plan: SyncPlan): void {
  for (const path of plan.leftovers) unlinkSync(join(root, path));
  const manifest = plan.writes.filter((w) => w.path === MANIFEST_PATH);
  for (const change of plan.writes.filter((w) => w.path !== MANIFEST_PATH)) writeAtomically(root, change.path, change.after);
  for (const path of plan.deletes) {
    unlinkSync(join(root, path));
    removeEmptyParents(root, path);
  }
  for (const change of manifest) writeAtomically(root, change.path, change.after);
}
