/** Catalog pages in the environment diff: counted in one line and in the JSON, never diffed. */
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../../generators/document.js';
import { computeEnvDiff } from './compute.js';
import { renderMarkdown } from './markdown.js';
import { clone, FIXTURE_ENVS, platformFixture, renderFixture, type FixtureFiles } from './testing/fixture-platform.js';
import { createFixtureRepo, type FixtureRepo } from './testing/fixture-repo.js';

const repos: FixtureRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

const page = (path: string, text: string): GeneratedFile => ({ path, environment: null, generator: 'catalog', sources: ['environments/'], content: { format: 'markdown', text } });

function withPages(files: FixtureFiles, pages: Record<string, string>): FixtureFiles {
  const copy = clone(files);
  for (const [path, text] of Object.entries(pages)) copy.set(path, page(path, text));
  return copy;
}

describe('catalog pages in the environment diff', () => {
  const base = withPages(platformFixture(), { 'generated/catalog/README.md': '# Catalog\n\nold line\n', 'generated/catalog/services/old.md': '# old\n', 'generated/catalog/services/same.md': '# same\n' });
  const head = withPages(platformFixture(), { 'generated/catalog/README.md': '# Catalog\n\nSECRET-LOOKING new line\n', 'generated/catalog/services/new.md': '# new\n', 'generated/catalog/services/same.md': '# same\n' });
  const repo = createFixtureRepo();
  repos.push(repo);
  repo.commitTree(renderFixture(base), 'base');
  repo.commitTree(renderFixture(head), 'head');
  const diff = computeEnvDiff({ root: repo.root, base: 'main~1', head: 'main', defaultBranch: 'main', environments: FIXTURE_ENVS });

  it('counts added, changed and removed pages in the JSON, apart from the repository-wide files', () => {
    expect(diff.catalog).toEqual({
      pages: ['generated/catalog/README.md', 'generated/catalog/services/new.md', 'generated/catalog/services/old.md'],
      added: 1,
      changed: 1,
      removed: 1,
    });
    expect(diff.repository.changedFiles).toEqual([]);
  });

  it('shows them as one line in the comment, without their content', () => {
    const markdown = renderMarkdown(diff);
    expect(markdown).toContain('\n**Service catalog** (`generated/catalog/`): 1 page(s) changed, 1 added, 1 removed; regenerated from the sources, not diffed here.\n');
    expect(markdown).not.toContain('No generated output changes.');
    expect(markdown).not.toContain('new line');
    expect(markdown.match(/generated\/catalog/g)).toHaveLength(1);
  });

  it('leaves the diff without a catalog entry when no page changed', () => {
    const again = createFixtureRepo();
    repos.push(again);
    again.commitTree(renderFixture(base), 'base');
    again.commitTree(renderFixture(base), 'same');
    const same = computeEnvDiff({ root: again.root, base: 'main~1', head: 'main', defaultBranch: 'main', environments: FIXTURE_ENVS });
    expect(same.catalog).toBeUndefined();
    expect(renderMarkdown(same)).not.toContain('Service catalog');
  });
});
