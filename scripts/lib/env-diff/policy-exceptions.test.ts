import { afterAll, describe, expect, it } from 'vitest';
import { computeEnvDiff } from './compute.js';
import { renderMarkdown } from './markdown.js';
import { workingTreeExceptions } from './policy-exceptions.js';
import { devOnlyChange } from './testing/scenarios.js';
import { FIXTURE_ENVS, renderFixture } from './testing/fixture-platform.js';
import { createFixtureRepo } from './testing/fixture-repo.js';

describe('policy exceptions in the environment diff', () => {
  it('reads the exceptions in force from the working tree, as of a given day', () => {
    const now = workingTreeExceptions('2026-12-01');
    expect(now).toContainEqual(expect.objectContaining({ environment: 'prod', rule: 'K8S-010', resource: 'Namespace/argocd', expires: '2027-01-31' }));
    expect(new Set(now.map((e) => e.environment))).toEqual(new Set(['dev', 'staging', 'prod']));
    const later = workingTreeExceptions('2027-02-01');
    expect(later.some((e) => e.rule === 'K8S-010')).toBe(false);
    expect(later.length).toBeLessThan(now.length);
  });

  const repo = createFixtureRepo();
  afterAll(() => repo.remove());

  it('lists every exception in force in the comment and the JSON, and nothing when none are known', () => {
    const { base, head } = devOnlyChange();
    repo.commitTree(renderFixture(base), 'base');
    repo.commitTree(renderFixture(head), 'head');
    const exception = { environment: 'prod', rule: 'K8S-010', resource: 'Namespace/argocd', reason: 'allows <pending>', expires: '2027-01-31' };
    const options = { root: repo.root, base: 'main~1', head: 'main', defaultBranch: 'main', environments: FIXTURE_ENVS };
    const withExceptions = computeEnvDiff({ ...options, policyExceptions: () => [exception] });
    expect(withExceptions.policyExceptions).toStrictEqual([exception]);
    expect(renderMarkdown(withExceptions)).toContain(
      '<details><summary><b>Policy exceptions in force</b> (1)</summary>\n\n- prod · `K8S-010` · `Namespace/argocd` · until 2027-01-31: allows &lt;pending&gt;\n\n</details>',
    );
    const without = computeEnvDiff(options);
    expect(without.policyExceptions).toBeUndefined();
    expect(renderMarkdown(without)).not.toContain('Policy exceptions');
  });
});
