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
 * `synth --check` first looks for the record of a clean run from the same sources
 * (scripts/bundle/check-record.mjs): when the output matches it, that is the answer, and nothing
 * else is loaded.
 */
import { spawn } from 'node:child_process';
import module from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBundle, LOADING_LAYER } from './build.mjs';
import { checkRecordKey, normalizedSelection, replayCleanCheck } from './check-record.mjs';
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

/**
 * The `--env` selection of a `synth --check` that a record may answer: only `--check` and `--env`
 * (never `--full`, `--help` or anything the command would reject); undefined otherwise.
 */
function recordedCheck(args) {
  try {
    const { values } = parseArgs({ args, options: { env: { type: 'string', multiple: true }, check: { type: 'boolean' }, full: { type: 'boolean' } }, strict: true });
    return values.check === true && values.full !== true ? { env: values.env } : undefined;
  } catch {
    return undefined;
  }
}

let built;
try {
  built = await buildBundle(root, { quiet: true });
} catch {
  built = undefined; // e.g. `.cache/` not writable: tsx needs no bundle
}
const sourcesFingerprint = built && basename(built.sourcesDir);
const check = built && command === 'synth' ? recordedCheck(process.argv.slice(2)) : undefined;
if (built === undefined) {
  runWithTsx();
} else if (check && replayCleanCheck(root, checkRecordKey(root, { sourcesFingerprint, today: new Date().toISOString().slice(0, 10), selection: normalizedSelection(check.env) }), 0)) {
  process.exitCode = 0;
} else {
  globalThis.platformGitopsBundle = { root, sourcesDir: built.sourcesDir, sourcesFingerprint, SourcesNeedTsx, url: (file) => pathToFileURL(join(root, file)).href };
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
