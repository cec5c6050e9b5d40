/**
 * Reads the committed output back for `pnpm policies`: every file the manifest lists, plus any
 * file under the generated roots (or atlantis.yaml) it does not list, since Argo CD and Atlantis
 * would pick those up too. JSON and YAML are parsed; other files are skipped. Like the writer, it
 * reads nothing through a symbolic link and no manifest entry outside synth's outputs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

import type { FileContent } from '../../generators/document.js';
import { compareStrings } from '../../generators/sort.js';
import { environmentFromPath, type PolicyFile } from '../../policies/engine/documents.js';
import { MANIFEST_PATH, parseManifest } from './manifest.js';
import { outputLinks, outputPathProblem } from './output-guard.js';
import { listFiles, OWNED_ROOTS } from './writer.js';

const ROOT_FILES = ['atlantis.yaml'];

export interface CommittedFiles {
  files: PolicyFile[];
  /** Files that could not be parsed, one line each. */
  problems: string[];
}

function parse(path: string, text: string): FileContent | undefined {
  if (path.endsWith('.json')) {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
    return { format: 'json', value: value as Record<string, unknown> };
  }
  if (path.endsWith('.yaml') || path.endsWith('.yml')) {
    const documents = parseAllDocuments(text);
    const errors = documents.flatMap((d) => d.errors);
    if (errors.length > 0) throw new Error(errors[0]!.message.split('\n')[0]);
    return { format: 'yaml', documents: documents.map((d) => d.toJS()).filter((d) => d !== null) };
  }
  return undefined;
}

/** `modelEnvironments`: the model's environment names; a file the manifest does not list belongs to the one its path names. */
export function readCommittedFiles(root: string, modelEnvironments: readonly string[] = []): CommittedFiles {
  const links = outputLinks(root);
  if (links.length > 0) return { files: [], problems: links.map((link) => `error - - ${link.path}: ${link.message}`) };
  const manifestPath = join(root, MANIFEST_PATH);
  const manifest = parseManifest(existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : undefined);
  const outside = manifest.filter((e) => outputPathProblem(e.path) !== undefined);
  const environments = new Map<string, string | null>(manifest.filter((e) => !outside.includes(e)).map((e) => [e.path, e.environment]));
  // The model's environments and those the manifest records output for.
  const known = [...new Set([...modelEnvironments, ...manifest.flatMap((e) => (e.environment === null ? [] : [e.environment]))])];
  for (const path of [...OWNED_ROOTS.flatMap((dir) => listFiles(root, dir)), ...ROOT_FILES.filter((f) => existsSync(join(root, f)))]) {
    if (!environments.has(path)) environments.set(path, environmentFromPath(path, known));
  }
  environments.delete(MANIFEST_PATH);

  const files: PolicyFile[] = [];
  const problems = outside.map((e) => `error - - ${MANIFEST_PATH}: ${JSON.stringify(e.path)} ${outputPathProblem(e.path)}; not read`);
  for (const [path, environment] of [...environments].sort(([a], [b]) => compareStrings(a, b))) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    try {
      const content = parse(path, readFileSync(full, 'utf8'));
      if (content) files.push({ path, environment, content });
    } catch (error) {
      problems.push(`error - ${environment ?? '-'} ${path}: cannot be parsed: ${(error as Error).message}`);
    }
  }
  return { files, problems };
}
