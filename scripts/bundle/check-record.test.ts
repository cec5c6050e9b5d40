/**
 * The record of a clean `synth --check` (check-record.mjs) on fixture trees: what changes its key,
 * what the output state sees, and that a record answers only for outputs exactly as recorded.
 */
import { mkdirSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/tree.js';
import { CHECK_RECORD_DIR, checkRecordKey, matchingRecord, normalizedSelection, outputState, replayCleanCheck, writeCheckRecord, type RecordedLine } from './check-record.mjs';

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const ROOTS = ['generated', 'argocd'];
const FILES = ['atlantis.yaml', '.github/CODEOWNERS'];
const LINES: RecordedLine[] = [
  { stream: 'stderr', colour: 'yellow', text: 'warning COST-001 dev: over budget' },
  { stream: 'stdout', text: 'policies: 1 exception(s) in force; `pnpm policies` lists them.' },
  { stream: 'stdout', colour: 'green', text: 'pnpm synth --check: 3 generated file(s) up to date (dev).' },
];
const record = (key = 'k') => writeCheckRecord(root, key, { roots: ROOTS, files: FILES, count: 3, lines: LINES });
const key = (overrides: Partial<Parameters<typeof checkRecordKey>[1]> = {}) => checkRecordKey(root, { sourcesFingerprint: 'abc', today: '2026-12-01', selection: '*', ...overrides });

/** A stream that collects what is written to it. */
function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

beforeEach(() => {
  root = tempDir('check-record-');
  write('environments/dev.ts', 'export {};\n');
  write('services/api/service.ts', 'export {};\n');
  write('generated/terraform/dev/main.tf.json', '{}\n');
  write('generated/manifest.json', '[]\n');
  write('argocd/dev/root.yaml', 'kind: Application\n');
  write('atlantis.yaml', 'version: 3\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('normalizedSelection', () => {
  it('is one value for the same environments however they are written, and * for none', () => {
    expect(normalizedSelection(undefined)).toBe('*');
    expect(normalizedSelection([])).toBe('*');
    expect(normalizedSelection(['staging,dev'])).toBe('dev,staging');
    expect(normalizedSelection(['dev', ' staging', 'dev'])).toBe('dev,staging');
  });
});

describe('checkRecordKey', () => {
  it('is stable, and changes with the sources, the day, the selection and the entries of environments/ and services/', () => {
    const base = key();
    expect(key()).toBe(base);
    expect(key({ sourcesFingerprint: 'abd' })).not.toBe(base);
    expect(key({ today: '2026-12-02' })).not.toBe(base);
    expect(key({ selection: 'dev' })).not.toBe(base);
    mkdirSync(join(root, 'services/empty-folder'));
    const withFolder = key();
    expect(withFolder).not.toBe(base);
    rmSync(join(root, 'services/empty-folder'), { recursive: true });
    expect(key()).toBe(base);
    write('environments/notes.md', 'a file no source list holds\n');
    expect(key()).not.toBe(base);
  });
});

describe('outputState', () => {
  it('hashes every file of the output folders and the named files that exist, sorted by path', () => {
    const state = outputState(root, ROOTS, FILES)!;
    expect(state.map(([path]) => path)).toEqual(['argocd/dev/root.yaml', 'atlantis.yaml', 'generated/manifest.json', 'generated/terraform/dev/main.tf.json']);
    expect(state.every(([, hash]) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
  });

  it('sees nothing through a symbolic link: a linked file, a linked folder or a linked parent of a named file', () => {
    symlinkSync(join(root, 'atlantis.yaml'), join(root, 'generated/link.yaml'));
    expect(outputState(root, ROOTS, FILES)).toBeUndefined();
    rmSync(join(root, 'generated/link.yaml'));
    symlinkSync(join(root, 'environments'), join(root, 'argocd/linked'));
    expect(outputState(root, ROOTS, FILES)).toBeUndefined();
    rmSync(join(root, 'argocd/linked'));
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere/CODEOWNERS'), '* @team\n');
    symlinkSync(join(root, 'elsewhere'), join(root, '.github'));
    expect(outputState(root, ROOTS, FILES)).toBeUndefined();
  });
});

describe('a record', () => {
  it('matches the outputs it was written for', () => {
    expect(record()).toBe(true);
    expect(matchingRecord(root, 'k')).toMatchObject({ count: 3, lines: LINES });
    expect(matchingRecord(root, 'other')).toBeUndefined();
  });

  it.each([
    ['an edited file', () => write('generated/terraform/dev/main.tf.json', '{ "edited": true }\n')],
    ['an added file', () => write('argocd/dev/extra.yaml', 'kind: ConfigMap\n')],
    ['a removed file', () => rmSync(join(root, 'generated/manifest.json'))],
    ['a named file that appears', () => write('.github/CODEOWNERS', '* @team\n')],
    ['a leftover temporary file of an interrupted write', () => write('generated/terraform/dev/main.tf.json.synth-123.tmp', '{}\n')],
  ])('no longer matches after %s', (_, change) => {
    record();
    change();
    expect(matchingRecord(root, 'k')).toBeUndefined();
  });

  it('is not written where nothing can be written, and nothing fails', () => {
    write(CHECK_RECORD_DIR, 'a file where the folder should be\n');
    expect(record()).toBe(false);
  });

  it('keeps the 16 most recent records', () => {
    for (let i = 0; i < 20; i++) {
      record(`key-${String(i).padStart(2, '0')}`);
      const at = new Date(Date.UTC(2026, 0, 1, 0, i));
      utimesSync(join(root, CHECK_RECORD_DIR, `key-${String(i).padStart(2, '0')}.json`), at, at);
    }
    record('latest');
    const kept = readdirSync(join(root, CHECK_RECORD_DIR)).sort();
    expect(kept).toHaveLength(16);
    expect(kept).toContain('latest.json');
    expect(kept).not.toContain('key-00.json');
  });
});

describe('replayCleanCheck', () => {
  it('prints one check phase and the recorded lines, without colour off a terminal', () => {
    record();
    const [stdout, stderr] = [stream(false), stream(false)];
    expect(replayCleanCheck(root, 'k', 0, { stdout, stderr, env: {} })).toBe(true);
    expect(stdout.text()).toMatch(/^check +\d+ ms {2}3 file\(s\) as the last full run left them, from the same sources \(--full regenerates\)\n/);
    expect(stdout.text().split('\n').slice(1)).toEqual([LINES[1]!.text, LINES[2]!.text, '']);
    expect(stderr.text()).toBe(`${LINES[0]!.text}\n`);
  });

  it('colours as the full run does on a terminal, unless NO_COLOR is set', () => {
    record();
    const [stdout, stderr] = [stream(true), stream(true)];
    replayCleanCheck(root, 'k', 0, { stdout, stderr, env: {} });
    expect(stdout.text()).toContain(`\u001b[32m${LINES[2]!.text}\u001b[39m`);
    expect(stderr.text()).toBe(`\u001b[33m${LINES[0]!.text}\u001b[39m\n`);
    const [plainOut, plainErr] = [stream(true), stream(true)];
    replayCleanCheck(root, 'k', 0, { stdout: plainOut, stderr: plainErr, env: { NO_COLOR: '1' } });
    expect(plainOut.text() + plainErr.text()).not.toContain('\u001b[');
  });

  it('prints nothing and answers false without a matching record', () => {
    const [stdout, stderr] = [stream(false), stream(false)];
    expect(replayCleanCheck(root, 'k', 0, { stdout, stderr, env: {} })).toBe(false);
    record();
    write('argocd/dev/root.yaml', 'kind: Edited\n');
    expect(replayCleanCheck(root, 'k', 0, { stdout, stderr, env: {} })).toBe(false);
    expect(stdout.text() + stderr.text()).toBe('');
  });
});
