/** Staleness of head's generated output: the manifest check for commits, the in-process synth check for the working tree. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../../generators/document.js';
import type { RepositoryGenerator } from '../../../generators/generator.js';
import { ConfigError } from '../../../generators/model/problem.js';
import type { PlatformModel } from '../../../generators/model/types.js';
import { renderFile } from '../../../generators/render.js';
import { manifestEntry, manifestFile } from '../manifest.js';
import { commitRevision, workingTreeRevision } from './revisions.js';
import { manifestConsistency, MANIFEST_METHOD } from './stale-output.js';
import { SYNTH_METHOD, synthStaleness } from './synth-staleness.js';
import { platformFixture, renderFixture } from './testing/fixture-platform.js';
import { createFixtureRepo, type FixtureRepo } from './testing/fixture-repo.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function fixtureRepo(): FixtureRepo {
  const repo = createFixtureRepo();
  cleanups.push(repo.remove);
  return repo;
}

describe('manifest check of a git revision', () => {
  it('is consistent when the manifest lists exactly the generated files', () => {
    const repo = fixtureRepo();
    const commit = repo.commitTree(renderFixture(platformFixture()), 'ok');
    expect(manifestConsistency(commitRevision(repo.root, 'main', commit))).toEqual({ status: 'consistent', method: MANIFEST_METHOD, problems: [] });
  });

  it('is stale when listed files are missing or unlisted files sit in the owned folders', () => {
    const repo = fixtureRepo();
    const files = renderFixture(platformFixture());
    delete files['generated/terraform/prod/data/main.tf.json'];
    delete files['atlantis.yaml'];
    files['argocd/dev/apps/hand-written.yaml'] = 'kind: Application\n';
    const commit = repo.commitTree(files, 'broken');
    expect(manifestConsistency(commitRevision(repo.root, 'main', commit))).toEqual({
      status: 'stale',
      method: MANIFEST_METHOD,
      problems: [
        'atlantis.yaml: listed in generated/manifest.json but missing',
        'generated/terraform/prod/data/main.tf.json: listed in generated/manifest.json but missing',
        'argocd/dev/apps/hand-written.yaml: not produced by synth (not in generated/manifest.json)',
      ],
    });
  });

  it('reads the working tree the same way', () => {
    const repo = fixtureRepo();
    repo.commitTree(renderFixture(platformFixture()), 'ok');
    repo.write({ 'generated/stray.json': '{}\n' });
    expect(manifestConsistency(workingTreeRevision(repo.root)).problems).toEqual(['generated/stray.json: not produced by synth (not in generated/manifest.json)']);
  });
});

describe('in-process synth check of the working tree', () => {
  const notes: GeneratedFile = { path: 'generated/notes.json', environment: null, generator: 'test/notes', sources: ['test'], content: { format: 'json', value: { a: 1 } } };
  const generator: RepositoryGenerator = { name: 'test/notes', scope: 'repository', generate: () => [notes] };
  // The test generator reads nothing from the model.
  const model = { environments: [] } as PlatformModel;

  function synthesizedRoot(): string {
    const root = mkdtempSync(join(tmpdir(), 'env-diff-synth-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    for (const file of [notes, manifestFile([manifestEntry(notes)])]) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), renderFile(file));
    }
    return root;
  }

  it('is fresh when the output matches what synth generates', () => {
    expect(synthStaleness(synthesizedRoot(), () => model, [generator])).toEqual({ status: 'fresh', method: SYNTH_METHOD, problems: [] });
  });

  it('lists hand edits and stray files as stale', () => {
    const root = synthesizedRoot();
    writeFileSync(join(root, notes.path), '{"a": 2}\n');
    writeFileSync(join(root, 'generated/extra.json'), '{}\n');
    expect(synthStaleness(root, () => model, [generator])).toEqual({
      status: 'stale',
      method: SYNTH_METHOD,
      problems: ['generated/notes.json: differs from what synth generates', 'generated/extra.json: not produced by synth'],
    });
  });

  it('reports sources that do not validate instead of failing', () => {
    const invalid = () => {
      throw new ConfigError([{ file: 'environments/dev.ts', path: 'vpcCidr', message: 'expected a CIDR' }]);
    };
    expect(synthStaleness(synthesizedRoot(), invalid, [generator])).toEqual({
      status: 'unchecked',
      method: SYNTH_METHOD,
      problems: ['the sources do not validate (1 problem(s)): environments/dev.ts: vpcCidr: expected a CIDR'],
    });
  });
});
