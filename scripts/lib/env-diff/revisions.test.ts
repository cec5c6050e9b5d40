/** Base and head resolution through git: default branch, merge base, working tree, errors. */
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../cli.js';
import { computeEnvDiff } from './compute.js';
import { resolveRange } from './revisions.js';
import { editJson, FIXTURE_ENVS, platformFixture, renderFixture, terraformPath } from './testing/fixture-platform.js';
import { createFixtureRepo, type FixtureRepo } from './testing/fixture-repo.js';

const repos: FixtureRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

const SOURCES = { 'environments/dev.ts': 'export const dev = 1;\n' };

function repoWithMain(): { repo: FixtureRepo; first: string } {
  const repo = createFixtureRepo();
  repos.push(repo);
  const first = repo.commitTree(renderFixture(platformFixture(), SOURCES), 'base');
  return { repo, first };
}

describe('resolving base and head', () => {
  it('defaults to the working tree against the merge base with main, including uncommitted and untracked files', () => {
    const { repo, first } = repoWithMain();
    repo.git('checkout', '--quiet', '-b', 'feature');
    const head = platformFixture();
    editJson(head, terraformPath('dev', 'network'), (stack) => {
      stack.resource.aws_vpc.vpc.tags.team = 'platform';
    });
    const rendered = renderFixture(head);
    repo.write({ [terraformPath('dev', 'network')]: rendered[terraformPath('dev', 'network')]!, 'environments/dev.ts': 'export const dev = 2;\n', 'notes.txt': 'new\n' });

    const range = resolveRange(repo.root, { defaultBranch: 'main' });
    expect(range.base.info).toEqual({ ref: 'main', commit: first, tip: first, behind: 0 });
    expect(range.head.info).toEqual({ ref: 'working tree', commit: null });
    expect(range.changedFiles).toEqual(['environments/dev.ts', terraformPath('dev', 'network'), 'notes.txt']);

    const diff = computeEnvDiff({ root: repo.root, defaultBranch: 'main', environments: FIXTURE_ENVS });
    expect(diff.environments.dev!.terraform.items.map((i) => [i.change, i.address])).toEqual([['changed', 'aws_vpc.vpc']]);
    expect(diff.environments.dev!.atlantisProjects.map((p) => p.name)).toEqual(['dev-network']);
  });

  it('prefers origin/<default branch> over the local branch, and warns when the base moved on since the merge base', () => {
    const { repo, first } = repoWithMain();
    repo.git('checkout', '--quiet', '-b', 'feature');
    const feature = repo.commitTree({ ...renderFixture(platformFixture(), SOURCES), 'README.md': 'feature\n' }, 'feature work');
    repo.git('checkout', '--quiet', 'main');
    const moved = repo.commitTree({ ...renderFixture(platformFixture(), SOURCES), 'CHANGELOG.md': 'main moved\n' }, 'main moves on');
    repo.git('update-ref', 'refs/remotes/origin/main', moved);
    repo.git('checkout', '--quiet', 'feature');

    const range = resolveRange(repo.root, { defaultBranch: 'main', head: 'feature' });
    expect(range.base.info).toEqual({ ref: 'origin/main', commit: first, tip: moved, behind: 1 });
    expect(range.head.info).toEqual({ ref: 'feature', commit: feature });
    expect(range.changedFiles).toEqual(['README.md']);

    const diff = computeEnvDiff({ root: repo.root, head: 'feature', defaultBranch: 'main', environments: FIXTURE_ENVS });
    expect(diff.warnings).toEqual([
      `\`origin/main\` has 1 commit(s) since the merge base \`${first.slice(0, 12)}\`; they are not part of this diff. Merge or rebase to review the combined result.`,
    ]);
  });

  it('rejects unknown revisions and a missing default branch with one-line usage errors', () => {
    const { repo } = repoWithMain();
    expect(() => resolveRange(repo.root, { defaultBranch: 'main', base: 'no-such-ref' })).toThrow(new UsageError('--base: unknown revision "no-such-ref"'));
    expect(() => resolveRange(repo.root, { defaultBranch: 'main', head: 'nope' })).toThrow(new UsageError('--head: unknown revision "nope"'));
    expect(() => resolveRange(repo.root, { defaultBranch: 'trunk' })).toThrow(
      new UsageError('no --base given and neither origin/trunk nor trunk exists; pass --base <ref>'),
    );
  });

  it('rejects unrelated histories', () => {
    const { repo } = repoWithMain();
    repo.git('checkout', '--quiet', '--orphan', 'island');
    repo.commitTree({ 'other.txt': 'x\n' }, 'unrelated');
    expect(() => resolveRange(repo.root, { defaultBranch: 'main', head: 'island' })).toThrow(/have no common history/);
  });
});
