#!/usr/bin/env node
/**
 * `node scripts/bundle/run.mjs <command> [flags]`: what `pnpm synth`, `pnpm policies`, `pnpm env-diff`,
 * `pnpm pr-comment` and `pnpm bench` run. It fingerprints the sources (scripts/bundle/inputs.mjs,
 * ~10 ms), builds what is missing for them (scripts/bundle/build.mjs: the toolchain ~0.6 s, the
 * environment and service modules ~50 ms), loads the sources, then imports the command: no tsx, no
 * transform cache, no source maps. When a source does not compile or does not load, or nothing can
 * be built, the command runs through tsx instead (`tsx scripts/<command>.ts`, as before the bundle),
 * so every message about a broken source is the one tsx gives. A bundle built from other sources can
 * never run: its folders are named by the fingerprints of the sources they were built from.
 */
import { spawn } from 'node:child_process';
import module from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildBundle, LOADING_LAYER } from './build.mjs';
import { COMMANDS, COMPILE_CACHE_DIR } from './inputs.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Node.js >= 22.1 keeps the compiled code of the bundle's modules in a cache, inside the repository
// (ignored by Git), so a later start skips compiling them; older Node.js has no such cache.
// The cache is keyed by each module's content and the Node.js version, so it never runs stale code.
if (typeof module.enableCompileCache === 'function') {
  try {
    module.enableCompileCache(join(root, COMPILE_CACHE_DIR));
  } catch {
    // a cache that cannot be written only costs the compile time it would have saved
  }
}
const command = process.argv[2];
if (!COMMANDS.includes(command)) {
  console.error(`Usage: node scripts/bundle/run.mjs <${COMMANDS.join('|')}> [flags]`);
  process.exit(2);
}
// The command reads its flags from process.argv.slice(2), as when tsx runs it.
process.argv.splice(2, 1);

/** Thrown by the loading layer (scripts/lib/sources.ts) when a source has a problem. */
class SourcesNeedTsx extends Error {}

function runWithTsx() {
  const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));
  const child = spawn(process.execPath, [tsx, `scripts/${command}.ts`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 128 : 1);
  });
}

let built;
try {
  built = await buildBundle(root, { quiet: true });
} catch {
  built = undefined; // e.g. `.cache/` not writable: tsx needs no bundle
}
if (built === undefined) {
  runWithTsx();
} else {
  globalThis.platformGitopsBundle = { root, sourcesDir: built.sourcesDir, SourcesNeedTsx, url: (file) => pathToFileURL(join(root, file)).href };
  try {
    // The sources first, for every command (env-diff imports them lazily, inside its error handling):
    // a problem with one reaches this catch, and tsx runs the command from the start.
    await import(pathToFileURL(join(built.dir, LOADING_LAYER.replace(/\.ts$/, '.js'))).href);
    await import(pathToFileURL(join(built.dir, 'scripts', `${command}.js`)).href);
  } catch (error) {
    if (!(error instanceof SourcesNeedTsx)) throw error;
    runWithTsx();
  }
}
