/**
 * The committed manifest of generated files: which files synth produced last time, for which
 * environment, by which generator, from which sources. Pruning deletes only what it lists.
 */

import type { GeneratedFile } from '../../generators/document.js';
import { byKey } from '../../generators/sort.js';

export const MANIFEST_PATH = 'generated/manifest.json';

export interface ManifestEntry {
  path: string;
  environment: string | null;
  generator: string;
  sources: string[];
}

export function manifestEntry(file: GeneratedFile): ManifestEntry {
  return { path: file.path, environment: file.environment, generator: file.generator, sources: file.sources };
}

/** The manifest as a generated file itself, so it is rendered, compared and checked like the rest. */
export function manifestFile(entries: ManifestEntry[]): GeneratedFile {
  return {
    path: MANIFEST_PATH,
    environment: null,
    generator: 'synth/manifest',
    sources: ['environments/', 'services/', 'generators/'],
    content: { format: 'json', value: { files: [...entries].sort(byKey((e) => e.path)) } },
  };
}

/** Reads the previous manifest; a missing or unreadable one means "nothing was produced before". */
export function parseManifest(text: string | undefined): ManifestEntry[] {
  if (text === undefined) return [];
  try {
    const parsed = JSON.parse(text) as { files?: unknown };
    if (!Array.isArray(parsed.files)) return [];
    return parsed.files.filter(
      (e): e is ManifestEntry => typeof e === 'object' && e !== null && typeof (e as ManifestEntry).path === 'string',
    );
  } catch {
    return [];
  }
}

/** Manifest paths are untrusted input: only plain relative paths inside the repository may be pruned. */
export function isSafeRelativePath(path: string): boolean {
  return path.length > 0 && !path.startsWith('/') && !/^[A-Za-z]:/.test(path) && !path.split('/').some((s) => s === '..' || s === '' || s === '.');
}
