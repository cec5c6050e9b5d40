/**
 * What the prebuilt command bundle is built from, and its fingerprints: every source file of the
 * toolchain and of the repository's environments and services (tests excluded), the package
 * manifest, the lockfile and the TypeScript configuration. The toolchain (everything but the
 * environment and service modules the loading layer imports) lives in a folder named by its
 * fingerprint, those modules in a folder within it named by theirs, so a bundle built from other
 * sources is never the one that runs.
 * Plain JavaScript: it runs before any TypeScript can be loaded.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentFiles } from '../lib/environment-files.mjs';

/** Folders whose sources are bundled (searched recursively) and single files that shape the build. */
const SOURCE_DIRS = ['environments', 'services', 'generators', 'policies', 'scripts'];
const ROOT_FILES = ['package.json', 'pnpm-lock.yaml', 'tsconfig.json'];
const SOURCE_FILE = /\.(ts|mts|js|mjs|json)$/;
const TEST_FILE = /\.test\.ts$/;

/** Bundle folder, inside the repository and ignored by Git. */
export const BUNDLE_DIR = '.cache/bundle';
/** Node.js's module compile cache (Node.js >= 22.1), inside the repository and ignored by Git. */
export const COMPILE_CACHE_DIR = '.cache/compile';
/** The commands that have a prebuilt entry: scripts/<name>.ts. */
export const COMMANDS = ['synth', 'policies', 'env-diff', 'pr-comment', 'new-env', 'bench', 'bench-env-diff', 'new-service', 'promote'];

/** Repository-relative paths of every input, in a fixed (code-unit) order. */
export function inputFiles(root) {
  const files = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (SOURCE_FILE.test(entry.name) && !TEST_FILE.test(entry.name)) files.push(path);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  files.push(...ROOT_FILES);
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The sources the loading layer imports (scripts/lib/sources.ts), built apart from the toolchain so
 * that editing one rebuilds only them: the environment files (scripts/lib/environment-files.mjs)
 * and `services/<folder>/service.ts`.
 */
export function loadedSources(root, files) {
  const environments = environmentFiles(files);
  return files.filter((file) => environments.includes(file) || /^services\/[^/.][^/]*\/service\.ts$/.test(file));
}

/** sha256 over every input's path and content, plus the Node.js version the bundle targets (and `salt`). */
export function fingerprint(root, files, salt = '') {
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\0${salt}\0`);
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
