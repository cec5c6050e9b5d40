/**
 * The writer never leaves its folders: fixture repositories in temp dirs, fixture generators.
 * Whatever the manifest or a generator names, only synth's outputs are written or deleted; a link
 * on an output path stops synth and --check before anything is read through it; an interrupted
 * run's temporary files are cleaned up and are not drift.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generators/document.js';
import type { Generator } from '../../generators/generator.js';
import { loadPlatform } from '../../generators/model/load.js';
import { GENERATED_MARKER } from '../../generators/render.js';
import { BEFORE_ANY_EXPIRY } from '../../tests/support/dates.js';
import { realInputs } from '../../tests/support/inputs.js';
import { removeDir, snapshotTree, tempDir } from '../../tests/support/tree.js';
import { MANIFEST_PATH } from './manifest.js';
import { OutputPathError } from './output-guard.js';
import { driftCount } from './report.js';
import { runSynth } from './synth-command.js';

const model = loadPlatform(realInputs().environments, realInputs().services);
const ALL = ['dev', 'staging', 'prod'] as const;

function generatorOf(paths: string[]): Generator {
  return {
    name: 'test/paths',
    scope: 'repository',
    generate: (): GeneratedFile[] =>
      paths.map((path) => ({ path, environment: null, generator: 'test/paths', sources: ['environments/'], content: { format: 'yaml', documents: [{ path }] } })),
  };
}
const standard = generatorOf(['generated/test/a.yaml', 'generated/test/b.yaml', 'atlantis.yaml']);

let root: string;
let outside: string;
beforeEach(() => {
  root = tempDir();
  outside = tempDir('outside-');
});
afterEach(() => {
  removeDir(root);
  removeDir(outside);
});

const synth = (generators: Generator[], check = false) => runSynth({ root, model, generators, check, environments: ALL, today: BEFORE_ANY_EXPIRY }).plan;

/** Runs synth expecting an OutputPathError; returns its lines. */
function refusal(generators: Generator[], check = false): string[] {
  try {
    synth(generators, check);
  } catch (error) {
    if (error instanceof OutputPathError) return error.message.split('\n');
    throw error;
  }
  throw new Error('synth did not refuse');
}

function addManifestEntry(path: string): void {
  const manifest = JSON.parse(readFileSync(join(root, MANIFEST_PATH), 'utf8'));
  manifest.files.push({ path, environment: null, generator: 'test/paths', sources: [] });
  writeFileSync(join(root, MANIFEST_PATH), JSON.stringify(manifest));
}

describe('the manifest cannot make synth delete anything else', () => {
  beforeEach(() => void synth([standard]));

  it.each([
    ['README.md', `# Project\n${GENERATED_MARKER} is mentioned here\n`],
    ['environments/dev.ts', `// ${GENERATED_MARKER}\nexport const dev = {};\n`],
    ['.github/workflows/ci.yml', `# ${GENERATED_MARKER}\n`],
  ])('an entry naming %s (with the header text) is an error line; nothing is deleted or written', (path, text) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    addManifestEntry(path);
    const before = snapshotTree(root);
    for (const check of [true, false]) {
      expect(refusal([standard], check)).toEqual([
        `generated/manifest.json: files[3].path: "${path}" is not one of synth's outputs (generated/, argocd/, atlantis.yaml, .github/CODEOWNERS); synth deletes only its own outputs (fix or remove the entry)`,
        '1 problem(s) with the output paths; nothing was written.',
      ]);
    }
    expect(snapshotTree(root)).toEqual(before);
  });

  it('an entry escaping the repository is an error line', () => {
    addManifestEntry('../outside.txt');
    expect(refusal([standard])[0]).toBe(
      'generated/manifest.json: files[3].path: "../outside.txt" is not a plain relative path inside the repository; synth deletes only its own outputs (fix or remove the entry)',
    );
  });

  it('an entry naming a folder is an error line, not a crash', () => {
    addManifestEntry('generated/test');
    const before = snapshotTree(root);
    expect(refusal([standard])[0]).toBe('generated/manifest.json: files[3].path: "generated/test" is a folder, not a generated file (fix or remove the entry)');
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('generators can only produce outputs', () => {
  it('a generated path outside the outputs, or taken by a folder, is refused before anything is written', () => {
    mkdirSync(join(root, 'generated/test/b.yaml'), { recursive: true });
    expect(refusal([generatorOf(['generated/test/a.yaml', 'generated/test/b.yaml', 'README.md'])])).toEqual([
      "README.md: is not one of synth's outputs (generated/, argocd/, atlantis.yaml, .github/CODEOWNERS); a generator may only produce those",
      'generated/test/b.yaml: is a folder where synth writes a file (remove the folder)',
      '2 problem(s) with the output paths; nothing was written.',
    ]);
    expect(existsSync(join(root, 'generated/test/a.yaml'))).toBe(false);
  });
});

describe('synth never follows a symbolic link', () => {
  it.each([
    ['an owned folder', 'generated', (target: string) => target],
    ['a folder inside one', 'generated/test', (target: string) => target],
  ])('a link on %s to a folder outside: synth and --check refuse, nothing is written there', (_, link, target) => {
    mkdirSync(join(root, link, '..'), { recursive: true });
    symlinkSync(target(outside), join(root, link), 'dir');
    for (const check of [true, false]) expect(refusal([standard], check)).toContain(`${link}: is a symbolic link; synth never writes, reads or deletes through links (replace it with a plain folder or file)`);
    expect(snapshotTree(outside)).toEqual({});
    expect(existsSync(join(root, 'atlantis.yaml'))).toBe(false);
  });

  it('a linked owned file (atlantis.yaml) or a linked file deep in an owned folder is refused; the targets keep their content', () => {
    synth([standard]);
    writeFileSync(join(outside, 'target.txt'), 'outside\n');
    const atlantis = join(root, 'atlantis.yaml');
    removeDir(atlantis);
    symlinkSync(join(outside, 'target.txt'), atlantis);
    mkdirSync(join(root, 'generated/test/deep'), { recursive: true });
    symlinkSync(join(outside, 'target.txt'), join(root, 'generated/test/deep/c.yaml'));
    const lines = refusal([generatorOf(['generated/test/a.yaml', 'atlantis.yaml'])]);
    expect(lines.filter((l) => l.includes('symbolic link')).map((l) => l.split(':')[0])).toEqual(['atlantis.yaml', 'generated/test/deep/c.yaml']);
    expect(readFileSync(join(outside, 'target.txt'), 'utf8')).toBe('outside\n');
    expect(lstatSync(atlantis).isSymbolicLink()).toBe(true);
  });
});

describe('an interrupted run never blocks the next', () => {
  it('its temporary files are not drift for --check and are removed by the next synth', () => {
    synth([standard]);
    const leftovers = ['generated/test/a.yaml.synth-4242.tmp', 'atlantis.yaml.synth-4242.tmp'];
    for (const path of leftovers) writeFileSync(join(root, path), 'half-written');
    const check = synth([standard], true);
    expect(driftCount(check)).toBe(0);
    expect(check.leftovers).toEqual([...leftovers].sort());
    expect(existsSync(join(root, leftovers[0]!))).toBe(true);
    const plan = synth([standard]);
    expect(plan.leftovers).toEqual([...leftovers].sort());
    for (const path of leftovers) expect(existsSync(join(root, path))).toBe(false);
    expect(driftCount(synth([standard], true))).toBe(0);
  });
});
