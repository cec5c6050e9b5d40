/**
 * Sources that do not load, and services discovered from their folder, on a copy of the repository
 * (the real sources are never edited): each broken source is one line `file:line:column: message`
 * without a stack trace, all of them in one run, exit 1, nothing written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScript } from './support/run-tsx.js';
import { copyRepository, removeDir, snapshotTree } from './support/tree.js';

let repo: string;
beforeEach(() => (repo = copyRepository()));
afterEach(() => removeDir(repo));

const read = (path: string) => readFileSync(join(repo, path), 'utf8');
function write(path: string, text: string): void {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
}
function replaceLine(path: string, from: string, to: string): number {
  const lines = read(path).split('\n');
  const index = lines.findIndex((line) => line.includes(from));
  if (index < 0) throw new Error(`${from} not in ${path}`);
  lines[index] = lines[index]!.replace(from, to);
  write(path, lines.join('\n'));
  return index + 1;
}

/** A new worker (no routes, so no gateway change), copied from an existing one under another name. */
function addService(folder: string, name: string): void {
  const source = read('services/data-processor/service.ts')
    .replace("name: 'data-processor'", `name: '${name}'`)
    .replace('export const dataProcessor', 'export const added')
    .replace("routes: [{ pathPrefix: '/v1/jobs' }]", 'routes: []');
  write(`services/${folder}/service.ts`, source);
}

describe('sources that do not load', () => {
  it('reports a syntax error, misspelled identifiers and an exception at import, one line each, in one run, writing nothing', async () => {
    const importLine = replaceLine('environments/prod.ts', 'import { chartVersions }', 'import { chartVersoins as chartVersions }');
    const syntaxLine = replaceLine('services/data-collector/service.ts', "dev: { imageTag: '2.4.0' },", "dev: { imageTag: '2.4.0' ,, },");
    const referenceLine = replaceLine('environments/staging.ts', "domain: 'staging.platform.acme.example',", 'domain: stagingDomian,');
    const throwLine = replaceLine('services/api-gateway/service.ts', "config: { LOG_LEVEL: 'info' },", "config: JSON.parse('{ not json'),");
    const before = snapshotTree(repo);

    const result = await runScript(repo, 'synth');

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^environments/prod\\.ts:${importLine}:\\d+: SyntaxError: .*does not provide an export named 'chartVersoins'$`)),
      expect.stringMatching(new RegExp(`^environments/staging\\.ts:${referenceLine}:\\d+: ReferenceError: stagingDomian is not defined$`)),
      expect.stringMatching(new RegExp(`^services/api-gateway/service\\.ts:${throwLine}:\\d+: SyntaxError: .*JSON.*$`)),
      expect.stringMatching(new RegExp(`^services/data-collector/service\\.ts:${syntaxLine}:\\d+: syntax error: .+$`)),
      '4 source problem(s) found; nothing was written.',
    ]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(snapshotTree(repo)).toEqual(before);
  });
});

describe('services discovered from services/', () => {
  it('a new folder with a service.ts is a service: synth generates it without any registration', async () => {
    addService('report-builder', 'report-builder');
    const result = await runScript(repo, 'synth', ['--env', 'dev']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/created {2}argocd\/.*report-builder/);
  });

  it('a folder whose name differs from its service name, and a folder without service.ts, are one line each', async () => {
    addService('report-builder', 'report-maker');
    mkdirSync(join(repo, 'services/empty-folder'));
    const before = snapshotTree(repo);
    const result = await runScript(repo, 'synth');
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'services/empty-folder/: a service folder needs services/empty-folder/service.ts exporting its defineService({...}) (or remove the folder)',
      'services/report-builder/service.ts: name: "report-maker" must equal its folder name "report-builder" (rename the folder or the service)',
      '2 source problem(s) found; nothing was written.',
    ]);
    expect(snapshotTree(repo)).toEqual(before);
  });
});
