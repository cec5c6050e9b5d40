/**
 * What the writer checks before it reads or writes anything: no symbolic link on any output path
 * (synth never writes through a link, which could lead outside the repository), manifest entries
 * that name only synth's own outputs and only files, and leftovers of an interrupted run.
 */
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isOutputPath, OUTPUT_DIRECTORIES, OUTPUT_FILES, OUTPUT_PATHS_TEXT } from '../../generators/output-paths.js';
import { UsageError } from './cli.js';
import { isSafeRelativePath, MANIFEST_PATH } from './manifest.js';

/** One problem with the output tree or the manifest: `path: message`. */
export interface OutputProblem {
  path: string;
  message: string;
}

/** Problems with the output paths: one line each, exit 1, nothing written (and `--check` fails). */
export class OutputPathError extends UsageError {
  constructor(readonly problems: OutputProblem[]) {
    const lines = [...new Set(problems.map((p) => `${p.path}: ${p.message}`))].sort();
    super([...lines, `${lines.length} problem(s) with the output paths; nothing was written.`].join('\n'));
    this.name = 'OutputPathError';
  }
}

function lstatIfExists(full: string): Stats | undefined {
  try {
    return lstatSync(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The first symbolic link among `path` and its parents (below the root), if any. */
export function linkOnPath(root: string, path: string): string | undefined {
  const segments = path.split('/');
  for (let i = 1; i <= segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    const stats = lstatIfExists(join(root, prefix));
    if (!stats) return undefined;
    if (stats.isSymbolicLink()) return prefix;
  }
  return undefined;
}

const LINK_MESSAGE = 'is a symbolic link; synth never writes, reads or deletes through links (replace it with a plain folder or file)';

/** Every symbolic link on or below an output path: the owned folders (walked without following links) and the owned files. */
export function outputLinks(root: string): OutputProblem[] {
  const links = new Set<string>();
  for (const path of [...OUTPUT_DIRECTORIES, ...OUTPUT_FILES]) {
    const link = linkOnPath(root, path);
    if (link) links.add(link);
  }
  for (const dir of OUTPUT_DIRECTORIES) {
    if (links.has(dir) || !lstatIfExists(join(root, dir))?.isDirectory()) continue;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
      if (entry.isSymbolicLink()) links.add(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
    }
  }
  return [...links].map((path) => ({ path, message: LINK_MESSAGE }));
}

/** A path the writer may touch: plain, relative, inside an owned folder or an owned file. */
export function outputPathProblem(path: string): string | undefined {
  if (!isSafeRelativePath(path)) return 'is not a plain relative path inside the repository';
  if (!isOutputPath(path)) return `is not one of synth's outputs (${OUTPUT_PATHS_TEXT})`;
  return undefined;
}

/** Problems with the previous manifest's entries (never acted upon): outside the outputs, or a folder. */
export function manifestEntryProblems(root: string, paths: string[]): OutputProblem[] {
  const problems: OutputProblem[] = [];
  paths.forEach((path, i) => {
    const where = `${MANIFEST_PATH}: files[${i}].path`;
    const outside = outputPathProblem(path);
    if (outside) problems.push({ path: where, message: `${JSON.stringify(path)} ${outside}; synth deletes only its own outputs (fix or remove the entry)` });
    else if (lstatIfExists(join(root, path))?.isDirectory()) problems.push({ path: where, message: `${JSON.stringify(path)} is a folder, not a generated file (fix or remove the entry)` });
  });
  return problems;
}

/** A produced file whose path is taken by a folder cannot be written. */
export function producedPathProblems(root: string, paths: string[]): OutputProblem[] {
  return paths.flatMap((path) => {
    const problem = outputPathProblem(path);
    if (problem) return [{ path, message: `${problem}; a generator may only produce those` }];
    return lstatIfExists(join(root, path))?.isDirectory() ? [{ path, message: 'is a folder where synth writes a file (remove the folder)' }] : [];
  });
}

/** Temporary files of an interrupted write: `<file>.synth-<pid>.tmp`. */
export const TEMP_FILE = /\.synth-\d+\.tmp$/;

/** Leftover temporary files next to any output (the owned folders and the owned files' folders). */
export function leftoverTempFiles(root: string, ownedFolderFiles: string[]): string[] {
  const besideOwnedFiles = OUTPUT_FILES.flatMap((file) => {
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.slice(0, slash);
    const stats = lstatIfExists(join(root, dir));
    if (!stats?.isDirectory()) return [];
    return readdirSync(join(root, dir))
      .filter((name) => name.startsWith(`${file.slice(slash + 1)}.synth-`) && TEMP_FILE.test(name))
      .map((name) => (dir ? `${dir}/${name}` : name));
  });
  return [...ownedFolderFiles.filter((path) => TEMP_FILE.test(path)), ...besideOwnedFiles];
}
