#!/usr/bin/env node
/**
 * Builds the prebuilt command bundle (`pnpm install` runs it as the `prepare` step; the launcher,
 * scripts/bundle/run.mjs, runs it when the sources changed), inside the repository:
 * - the toolchain, `.cache/bundle/<toolchain fingerprint>/`: one ES module per command
 *   (scripts/<command>.js) and per shared module of environments/ and services/, and chunks, with
 *   every third-party package inlined and no source maps (~0.6 s);
 * - the environment and service modules the loading layer imports, `sources/<fingerprint>/` in it,
 *   each importing the toolchain's shared modules by relative path (~50 ms: editing a service or an
 *   environment rebuilds only these).
 * The ajv validators are standalone code generated at build time (scripts/bundle/standalone-validators.mjs).
 * Two rewrites, both invisible in the output: `import.meta.url` of a repository source becomes that
 * source's own URL (so paths resolve as they do unbundled), and cdktf's per-token creation stack
 * trace becomes empty (it only decorates cdktf's own internal errors and cost ~20% of generation).
 * When a source does not compile the build fails (esbuild's messages) and the launcher runs tsx.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR, COMMANDS, fingerprint, inputFiles, loadedSources } from './inputs.mjs';
import { standaloneValidators } from './standalone-validators.mjs';

const NODE_MODULES = `${sep}node_modules${sep}`;
/** The module that imports the sources; an entry of its own, so that the launcher can load the sources before the command. */
export const LOADING_LAYER = 'scripts/lib/platform.ts';
const CDKTF_STACK_TRACE = /[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/;
/** Older bundles are removed once they are this old (a process started a moment ago may still be reading one). */
const KEEP_OLD_MS = 60 * 60 * 1000;

/** esbuild plugin: the rewrites described above, and validators.ts replaced by its standalone code. */
function rewrites(root, validators) {
  return {
    name: 'platform-gitops-rewrites',
    setup(build) {
      if (validators.path) build.onLoad({ filter: /validators\.ts$/ }, (args) => (args.path === validators.path ? { contents: validators.contents, loader: 'js', resolveDir: root } : undefined));
      build.onLoad({ filter: CDKTF_STACK_TRACE }, () => ({
        contents: '"use strict";\nexports.captureStackTrace = function captureStackTrace() { return []; };\n',
        loader: 'js',
      }));
      build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
        if (args.path.includes(NODE_MODULES)) return undefined;
        const rel = relative(root, args.path).split(sep).join('/');
        const source = readFileSync(args.path, 'utf8');
        return { contents: source.replaceAll('import.meta.url', `globalThis.platformGitopsBundle.url(${JSON.stringify(rel)})`), loader: 'ts' };
      });
    },
  };
}

/**
 * The toolchain's entry points: each command, and every other module of environments/ and services/
 * (so that the loaded sources, built apart, import the very module instances the toolchain uses).
 */
function toolchainEntryPoints(files, loaded) {
  const commands = COMMANDS.map((name) => `scripts/${name}.ts`);
  const shared = files.filter((file) => /^(environments|services)\/.+\.ts$/.test(file) && !loaded.includes(file));
  return [...commands, LOADING_LAYER, ...shared];
}

const BUILD_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: `node${process.versions.node.split('.')[0]}`,
  sourcemap: false,
  legalComments: 'none',
  outbase: '.',
  entryNames: '[dir]/[name]',
};

/** Builds into a staging folder and renames it to `target`; false when esbuild fails. */
async function buildInto(target, run) {
  const staging = `${target}.building-${process.pid}`;
  try {
    await run(staging);
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return false;
  }
  writeFileSync(join(staging, 'complete'), '');
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process finished the same build first
  }
  return true;
}

async function buildToolchain(root, target, entryPoints, quiet) {
  const { build } = await import('esbuild');
  const scratch = `${target}.validators-${process.pid}`;
  mkdirSync(scratch, { recursive: true });
  try {
    return await buildInto(target, async (outdir) => {
      const validators = await standaloneValidators(root, scratch, build);
      await build({
        ...BUILD_OPTIONS,
        absWorkingDir: root,
        // This repository's, for every file: never one found above a linked node_modules.
        tsconfig: join(root, 'tsconfig.json'),
        entryPoints,
        outdir,
        chunkNames: 'chunks/[name]-[hash]',
        splitting: true,
        // The TypeScript compiler (new-service and promote edit sources through its parser) is ~9 MB:
        // loaded from node_modules when one of those runs, never inlined into every build.
        external: ['typescript'],
        logLevel: quiet ? 'silent' : 'warning',
        // Bundled CommonJS packages call require() for Node.js built-ins.
        banner: { js: "import { createRequire as __platformGitopsRequire } from 'node:module'; const require = __platformGitopsRequire(import.meta.url);" },
        plugins: [rewrites(root, validators)],
      });
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The loaded sources, each one module whose imports of the toolchain's environments/ and services/
 * modules point at their built entries (relative paths: the bundle can move with the repository).
 * Importing anything else of the repository (or another loaded source) fails the build, and the
 * command then runs through tsx: never a second instance of a toolchain module.
 */
async function buildSources(root, toolchainDir, target, loaded, shared, quiet) {
  const { build } = await import('esbuild');
  const toolchainImports = {
    name: 'platform-gitops-toolchain-imports',
    setup(builder) {
      builder.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === 'resolving' || args.kind === 'entry-point') return undefined;
        const resolved = await builder.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
        if (resolved.errors.length > 0 || resolved.path.includes(NODE_MODULES)) return undefined;
        const rel = relative(root, resolved.path).split(sep).join('/');
        if (!shared.includes(rel)) return { errors: [{ text: `${rel} is not a shared module of environments/ or services/` }] };
        const importer = relative(root, args.importer).split(sep).join('/');
        const from = dirname(join(target, importer));
        const to = join(toolchainDir, rel.replace(/\.ts$/, '.js'));
        return { path: relative(from, to).split(sep).join('/').replace(/^(?!\.)/, './'), external: true };
      });
    },
  };
  return buildInto(target, (outdir) =>
    build({
      ...BUILD_OPTIONS,
      absWorkingDir: root,
      tsconfig: join(root, 'tsconfig.json'),
      entryPoints: loaded,
      outdir,
      logLevel: quiet ? 'silent' : 'warning',
      plugins: [toolchainImports, rewrites(root, { path: undefined })],
    }),
  );
}

/**
 * Builds what is missing for the current sources: the toolchain, then the loaded sources.
 * Returns both folders, or undefined when a source does not compile.
 */
export async function buildBundle(root, { quiet = false } = {}) {
  const files = inputFiles(root);
  const loaded = loadedSources(root, files);
  const toolchainFiles = files.filter((file) => !loaded.includes(file));
  const toolchainId = fingerprint(root, toolchainFiles);
  const base = join(root, BUNDLE_DIR);
  const dir = join(base, toolchainId);
  const sourcesDir = join(dir, 'sources', fingerprint(root, loaded, toolchainId));
  const entryPoints = toolchainEntryPoints(files, loaded);
  if (!existsSync(join(dir, 'complete'))) {
    mkdirSync(base, { recursive: true });
    if (!(await buildToolchain(root, dir, entryPoints, quiet))) return undefined;
    removeOldBundles(base, toolchainId);
  }
  if (!existsSync(join(sourcesDir, 'complete'))) {
    mkdirSync(dirname(sourcesDir), { recursive: true });
    const shared = entryPoints.filter((file) => /^(environments|services)\//.test(file));
    if (!(await buildSources(root, dir, sourcesDir, loaded, shared, quiet))) return undefined;
    removeOldBundles(dirname(sourcesDir), relative(dirname(sourcesDir), sourcesDir));
  }
  return { dir, sourcesDir };
}

function removeOldBundles(base, keep) {
  const now = Date.now();
  for (const entry of readdirSync(base)) {
    if (entry === keep) continue;
    const path = join(base, entry);
    try {
      if (now - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by another process meanwhile
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const built = await buildBundle(root);
  if (!built) {
    console.error('prebuilt bundle: a source does not compile (above); `pnpm synth` and the other commands run through tsx until it does.');
    // Not fatal for `pnpm install`: the commands still work, and report the problem the usual way.
    process.exitCode = 0;
  } else {
    console.log(`prebuilt bundle: ${relative(root, built.sourcesDir)}`);
  }
}
