/**
 * env-diff's sections follow the promotion order. For this working tree the command passes the
 * model's order; for any other head (`--head`, a fixture) it is read from head's atlantis.yaml,
 * whose projects synth lists in promotion order, so it never falls back to alphabetical order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { computeEnvDiff } from './compute.js';
import { clone, editJson, FIXTURE_ENVS, platformFixture, renderFixture, terraformPath } from './testing/fixture-platform.js';
import { createFixtureRepo, type FixtureRepo } from './testing/fixture-repo.js';
import { allEnvironmentsChange } from './testing/scenarios.js';

const repos: FixtureRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

function diffOf(environments: readonly string[], head = allEnvironmentsChange()) {
  const repo = createFixtureRepo();
  repos.push(repo);
  repo.commitTree(renderFixture(head.base), 'base');
  repo.commitTree(renderFixture(head.head), 'head');
  return computeEnvDiff({ root: repo.root, base: 'main~1', head: 'main', defaultBranch: 'main', environments });
}

describe('env-diff sections', () => {
  it('follow the environments it is given', () => {
    expect(Object.keys(diffOf(FIXTURE_ENVS).environments)).toEqual([...FIXTURE_ENVS]);
  });

  it("follow head's atlantis.yaml when it is given none", () => {
    // Not alphabetical (dev, prod, staging): the order of the projects.
    expect(Object.keys(diffOf([]).environments)).toEqual([...FIXTURE_ENVS]);
    const reordered = ['prod', 'dev', 'staging'];
    const base = platformFixture(reordered);
    const head = clone(base);
    for (const env of reordered) editJson(head, terraformPath(env, 'network'), (stack) => void (stack.resource.aws_vpc.vpc.tags.team = 'platform'));
    expect(Object.keys(diffOf([], { base, head }).environments)).toEqual(reordered);
  });
});
