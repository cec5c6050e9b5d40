import { describe, expect, it } from 'vitest';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import type { PlatformModel } from '../model/types.js';
import { codeownersGenerator, codeownersText, ownershipRules, type OwnershipRule } from './codeowners.js';

/** GitHub's rule: the last matching pattern decides. These rules use `*` and root-anchored folders only. */
function ownersOf(rules: readonly OwnershipRule[], path: string): string[] {
  const matching = rules.filter((r) => {
    if (r.pattern === '*') return true;
    if (!r.pattern.startsWith('/') || !r.pattern.endsWith('/')) throw new Error(`unexpected pattern ${r.pattern}`);
    return path.startsWith(r.pattern.slice(1));
  });
  return matching[matching.length - 1]?.owners ?? [];
}

const model = loadRepositoryModel();
const rules = ownershipRules(model);

describe('CODEOWNERS', () => {
  it('gives sources, generators and repository-wide output to the platform team', () => {
    for (const path of ['environments/prod.ts', 'generators/argocd/files.ts', 'atlantis.yaml', '.github/workflows/ci.yml', 'generated/manifest.json', 'renovate.json']) {
      expect(ownersOf(rules, path), path).toEqual(['@acme/platform']);
    }
  });

  it('gives each service folder to the team that owns the service', () => {
    const services = model.environments.flatMap((env) => env.services);
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) expect(ownersOf(rules, service.file), service.file).toEqual([`@acme/${service.team}`]);
    expect(ownersOf(rules, 'services/index.ts')).toEqual(['@acme/platform']);
  });

  it("gives each environment's generated output to that environment's owners and reviewers", () => {
    expect(ownersOf(rules, 'generated/kubernetes/dev/data-collector/deployment.yaml')).toEqual(['@acme/platform', '@acme/developers']);
    expect(ownersOf(rules, 'generated/terraform/staging/data/main.tf.json')).toEqual(['@acme/platform', '@acme/developers']);
    expect(ownersOf(rules, 'argocd/prod/apps/data-collector.yaml')).toEqual(['@acme/platform', '@acme/platform-leads']);
    expect(ownersOf(rules, 'generated/terraform/prod/network/main.tf.json')).toEqual(['@acme/platform', '@acme/platform-leads']);
  });

  it('always puts the platform team on production output, whatever prod lists', () => {
    const handedOver: PlatformModel = {
      environments: model.environments.map((env) =>
        env.name === 'prod' ? { ...env, owners: { ...env.owners, team: '@acme/sre', reviewers: ['@acme/sre'] } } : env,
      ),
    };
    expect(ownersOf(ownershipRules(handedOver), 'generated/kubernetes/prod/baseline/namespaces.yaml')).toEqual(['@acme/platform', '@acme/sre']);
    expect(ownersOf(ownershipRules(handedOver), 'generated/kubernetes/dev/baseline/namespaces.yaml')).toEqual(['@acme/platform', '@acme/developers']);
  });

  it('lets anyone who owns a source approve the generated catalog pages (a service team’s tag change needs no one else)', () => {
    const owners = ownersOf(rules, 'generated/catalog/README.md');
    expect(ownersOf(rules, 'generated/catalog/services/x.md')).toEqual(owners);
    for (const service of model.environments.flatMap((env) => env.services)) expect(owners).toContain(`@acme/${service.team}`);
    for (const env of model.environments) for (const owner of [env.owners.team, ...env.owners.reviewers]) expect(owners).toContain(owner);
  });

  it('renders aligned lines from general to specific', () => {
    expect(codeownersText([
      { pattern: '*', owners: ['@acme/platform'] },
      { pattern: '/services/x/', owners: ['@acme/x', '@acme/y'] },
    ])).toBe('*            @acme/platform\n/services/x/ @acme/x @acme/y');
    const [file] = codeownersGenerator.scope === 'repository' ? codeownersGenerator.generate(model) : [];
    expect(file?.path).toBe('.github/CODEOWNERS');
    expect(file?.environment).toBeNull();
  });
});
