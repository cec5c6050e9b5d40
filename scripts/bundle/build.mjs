#!/usr/bin/env node
/**
 * Builds the prebuilt command bundle (`pnpm install` runs it as the `prepare` step; the launcher,
 * scripts/bundle/run.mjs, runs it when the sources changed): one ES module per command
 * (scripts/<command>.js), one per environment and service source, and shared chunks, with every
 * third-party package inlined, in `.cache/bundle/<fingerprint>/` inside the repository. No source
 * maps. The ajv validators are standalone code generated at build time
 * (scripts/bundle/standalone-validators.mjs). Two rewrites, both invisible in the output: `import.meta.url` of a repository source becomes
 * that source's own URL (so paths resolve as they do unbundled), and cdktf's per-token creation stack
 * trace becomes empty (it only decorates cdktf's own internal errors and dominated generation time).
 * Exits 1 with esbuild's messages when a source does not compile; the launcher then runs tsx instead.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR, COMMANDS, fingerprint, inputFiles } from './inputs.mjs';
import { standaloneValidators } from './standalone-validators.mjs';

const NODE_MODULES = `${sep}node_modules${sep}`;
const CDKTF_STACK_TRACE = /[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/;
/** Older bundles are removed once they are this old (a process started a moment ago may still be reading one). */
const KEEP_OLD_MS = 60 * 60 * 1000;

/** esbuild plugin: the rewrites described above, and validators.ts replaced by its standalone code. */
function rewrites(root, validators) {
  return {
    name: 'platform-gitops-rewrites',
    setup(build) {
      build.onLoad({ filter: /validators\.ts$/ }, (args) => (args.path === validators.path ? { contents: validators.contents, loader: 'js', resolveDir: root } : undefined));
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

/** The entry points: each command, each environment source and each service source. */
function entryPoints(files) {
  const commands = COMMANDS.map((name) => `scripts/${name}.ts`);
  const sources = files.filter((file) => /^environments\/[^/]+\.ts$/.test(file) || /^services\/[^/]+\/service\.ts$/.test(file));
  return [...commands, ...sources];
}

/** Builds the bundle for the current sources unless it exists; returns its folder, or undefined when a source does not compile. */
export async function buildBundle(root, { quiet = false } = {}) {
  const files = inputFiles(root);
  const id = fingerprint(root, files);
  const base = join(root, BUNDLE_DIR);
  const target = join(base, id);
  if (existsSync(join(target, 'complete'))) return target;
  const { build } = await import('esbuild');
  mkdirSync(base, { recursive: true });
  const staging = join(base, `${id}.building-${process.pid}`);
  const scratch = join(base, `${id}.validators-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  try {
    const validators = await standaloneValidators(root, scratch, build);
    await build({
      absWorkingDir: root,
      // This repository's, for every file: never one found above a linked node_modules.
      tsconfig: join(root, 'tsconfig.json'),
      entryPoints: entryPoints(files),
      outdir: staging,
      outbase: '.',
      entryNames: '[dir]/[name]',
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      sourcemap: false,
      legalComments: 'none',
      logLevel: quiet ? 'silent' : 'warning',
      // Bundled CommonJS packages call require() for Node.js built-ins.
      banner: { js: "import { createRequire as __platformGitopsRequire } from 'node:module'; const require = __platformGitopsRequire(import.meta.url);" },
      plugins: [rewrites(root, validators)],
    });
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return undefined;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  writeFileSync(join(staging, 'complete'), `${id}\n`);
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process finished the same bundle first
  }
  removeOldBundles(base, id);
  return target;
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
  const dir = await buildBundle(root);
  if (!dir) {
    console.error('prebuilt bundle: a source does not compile (above); `pnpm synth` and the other commands run through tsx until it does.');
    // Not fatal for `pnpm install`: the commands still work, and report the problem the usual way.
    process.exitCode = 0;
  } else {
    console.log(`prebuilt bundle: ${relative(root, dir)}`);
  }
}
