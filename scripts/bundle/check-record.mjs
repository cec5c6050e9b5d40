/**
 * The record of a clean `pnpm synth --check`, so that checking sources that have not changed since
 * reads the output instead of regenerating it.
 *
 * Generators are pure functions of the sources (no clock, file system, network or environment), and
 * the output's verdict is a function of the generated files, the files on disk and today's date (policy
 * exceptions expire). So after a full run that found the output clean (`synth --check` exit 0, or
 * `synth` after writing), the same sources, the same day and the same `--env` selection generate the
 * same files and reach the same verdict: a record keyed by those holds the hash of every file in
 * synth's outputs and the lines the run printed. A later `synth --check` whose key has a record and
 * whose outputs hash to the recorded ones prints those lines and exits 0 without loading anything
 * else; any other difference (an output edited, added or removed, a symbolic link, a leftover
 * temporary file, another day) finds no match and the full run decides, with its own messages.
 *
 * The key covers what the prebuilt bundle is built from (scripts/bundle/inputs.mjs: every source of
 * the toolchain, environments and services, package.json, the lockfile, tsconfig.json and the Node.js
 * version, as the bundle's fingerprint), plus the entries of environments/ and services/ (an empty
 * service folder is a problem synth reports, and it holds no source file). The records live in
 * `.cache/synth-check/` inside the repository (ignored by Git); one that cannot be written costs only
 * the time it would have saved. `pnpm synth --check --full` always regenerates.
 * Plain JavaScript: the launcher (run.mjs) reads a record before any TypeScript is loaded.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { colourEnabled, paint } from '../lib/colour.mjs';

/** Where records live, inside the repository and ignored by Git. */
export const CHECK_RECORD_DIR = '.cache/synth-check';
/** Bumped when the record's shape or meaning changes: older records are never read. */
const FORMAT = 1;
/** Records kept (the most recent): one per sources state, day and selection checked. */
const KEEP_RECORDS = 16;
/** Folders whose entries (not only source files) shape what synth loads. */
const LISTED_SOURCE_DIRS = ['environments', 'services'];

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const compareCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Every entry below `dir` (name and kind), in a fixed order: a new folder or file changes it. */
function listing(root, dir) {
  const lines = [];
  const walk = (rel) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      lines.push(`${rel} (unreadable)`);
      return;
    }
    for (const entry of entries.sort((a, b) => compareCodeUnits(a.name, b.name))) {
      const path = `${rel}/${entry.name}`;
      const kind = entry.isDirectory() ? 'd' : entry.isFile() ? 'f' : entry.isSymbolicLink() ? 'l' : 'o';
      lines.push(`${kind} ${path}`);
      if (kind === 'd' && entry.name !== 'node_modules') walk(path);
    }
  };
  walk(dir);
  return lines.join('\n');
}

/**
 * The `--env` selection as the command line gave it (`undefined`: every environment), normalized:
 * `--env a,b`, `--env b --env a` and `--env=a,b` are one selection.
 */
export function normalizedSelection(values) {
  if (!values || values.length === 0) return '*';
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
  return names.length === 0 ? '*' : [...new Set(names)].sort(compareCodeUnits).join(',');
}

/** The record's key: the sources' fingerprint, the entries of environments/ and services/, the day and the selection. */
export function checkRecordKey(root, { sourcesFingerprint, today, selection }) {
  const parts = [`format ${FORMAT}`, `sources ${sourcesFingerprint}`, `today ${today}`, `env ${selection}`, ...LISTED_SOURCE_DIRS.map((dir) => listing(root, dir))];
  return sha256(parts.join('\0')).slice(0, 32);
}

/**
 * Path and content hash of every file in synth's outputs (`roots` entirely, `files` where they
 * exist), sorted; undefined when anything there is not a regular file or a folder (a symbolic link
 * anywhere on the way, a socket): the full run reports those.
 */
export function outputState(root, roots, files) {
  const state = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!walk(path)) return false;
      } else if (entry.isFile()) state.push([path, sha256(readFileSync(join(root, path)))]);
      else return false;
    }
    return true;
  };
  const kind = (path) => {
    try {
      const stats = lstatSync(join(root, path));
      return stats.isFile() ? 'file' : stats.isDirectory() ? 'dir' : 'other';
    } catch (error) {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return 'missing';
      throw error;
    }
  };
  for (const dir of roots) {
    const found = kind(dir);
    if (found === 'missing') continue;
    if (found !== 'dir' || !walk(dir)) return undefined;
  }
  for (const file of files) {
    const segments = file.split('/');
    const parents = segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('/'));
    const parentKinds = parents.map(kind);
    if (parentKinds.includes('missing')) continue;
    if (parentKinds.some((k) => k !== 'dir')) return undefined;
    const found = kind(file);
    if (found === 'missing') continue;
    if (found !== 'file') return undefined;
    state.push([file, sha256(readFileSync(join(root, file)))]);
  }
  return state.sort((a, b) => compareCodeUnits(a[0], b[0]));
}

const recordPath = (root, key) => join(root, CHECK_RECORD_DIR, `${key}.json`);

/**
 * Writes the record of a clean run: `lines` are what a clean `synth --check` prints after its phase
 * lines ({ stream: 'stdout' | 'stderr', colour: 'green' | 'yellow' | undefined, text }), `count` the
 * generated files it reports. Returns false when the record could not be written (nothing else happens).
 */
export function writeCheckRecord(root, key, { roots, files, count, lines }) {
  try {
    const outputs = outputState(root, roots, files);
    if (outputs === undefined) return false;
    const dir = join(root, CHECK_RECORD_DIR);
    mkdirSync(dir, { recursive: true });
    const temp = `${recordPath(root, key)}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ format: FORMAT, roots, files, count, lines, outputs })}\n`);
    renameSync(temp, recordPath(root, key));
    pruneRecords(dir);
    return true;
  } catch {
    return false;
  }
}

function pruneRecords(dir) {
  const records = readdirSync(dir)
    .map((name) => {
      try {
        return { name, mtime: statSync(join(dir, name)).mtimeMs };
      } catch {
        return undefined;
      }
    })
    .filter((entry) => entry !== undefined)
    .sort((a, b) => b.mtime - a.mtime || compareCodeUnits(a.name, b.name));
  for (const { name } of records.slice(KEEP_RECORDS)) rmSync(join(dir, name), { force: true });
}

/** The record for `key` when the outputs on disk are exactly the recorded ones, else undefined. */
export function matchingRecord(root, key) {
  let record;
  try {
    record = JSON.parse(readFileSync(recordPath(root, key), 'utf8'));
  } catch {
    return undefined;
  }
  if (record?.format !== FORMAT || !Array.isArray(record.outputs) || !Array.isArray(record.lines)) return undefined;
  let outputs;
  try {
    outputs = outputState(root, record.roots, record.files);
  } catch {
    return undefined;
  }
  if (outputs === undefined || outputs.length !== record.outputs.length) return undefined;
  for (let i = 0; i < outputs.length; i++) {
    if (outputs[i][0] !== record.outputs[i][0] || outputs[i][1] !== record.outputs[i][1]) return undefined;
  }
  return record;
}

/** A recorded line's text in its colour, with `colours` from scripts/lib/colour.mjs (plain off a terminal). */
export const recordedText = (colours, line) => (line.colour ? colours[line.colour](line.text) : line.text);

/** The phase line of a matched record, in the format of synth's phase lines. */
export function recordPhaseDetail(count) {
  return `${count} file(s) as the last full run left them, from the same sources (--full regenerates)`;
}

/**
 * `pnpm synth --check` from a record: when the outputs match the record for `key`, prints one phase
 * line and the recorded lines, and returns true; otherwise prints nothing and returns false.
 */
export function replayCleanCheck(root, key, started, io = { stdout: process.stdout, stderr: process.stderr, env: process.env }) {
  const record = matchingRecord(root, key);
  if (record === undefined) return false;
  const out = paint(colourEnabled({ isTTY: io.stdout.isTTY, env: io.env }));
  const err = paint(colourEnabled({ isTTY: io.stderr.isTTY, env: io.env }));
  const ms = Math.round(performance.now() - started);
  io.stdout.write(`${out.bold('check'.padEnd(8))} ${`${ms} ms`.padStart(8)}  ${out.dim(recordPhaseDetail(record.count))}\n`);
  for (const line of record.lines) {
    if (line.stream === 'stderr') io.stderr.write(`${recordedText(err, line)}\n`);
    else io.stdout.write(`${recordedText(out, line)}\n`);
  }
  return true;
}
