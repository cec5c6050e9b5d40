/**
 * End-to-end scenarios: real git repositories with two commits (base, head) in temporary folders,
 * diffed through git, asserting the exact JSON and golden Markdown.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GITHUB_COMMENT_LIMIT, isBalanced } from './budget.js';
import { computeEnvDiff } from './compute.js';
import { renderJson } from './json.js';
import { COMMENT_MARKER, renderMarkdown } from './markdown.js';
import { MANIFEST_METHOD } from './stale-output.js';
import { ATLANTIS_CONFIG_PATH } from './layout.js';
import { clone, editYaml, FIXTURE_ENVS, platformFixture, renderFixture } from './testing/fixture-platform.js';
import { createFixtureRepo, type FixtureRepo } from './testing/fixture-repo.js';
import {
  allEnvironmentsChange,
  costChange,
  destructiveDatabaseChange,
  destructiveKubernetesChange,
  devOnlyChange,
  hugeChange,
  SECRET_VALUES,
  secretChange,
  type Scenario,
} from './testing/scenarios.js';
import type { EnvironmentDiff } from './types.js';

const repos: FixtureRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

/** A clock whose second reading is `ms` after the first. */
function fixedClock(ms: number): () => number {
  let reading = -ms;
  return () => (reading += ms);
}

function run({ base, head }: Scenario) {
  const repo = createFixtureRepo();
  repos.push(repo);
  const baseCommit = repo.commitTree(renderFixture(base), 'base');
  const headCommit = repo.commitTree(renderFixture(head), 'head');
  const diff = computeEnvDiff({ root: repo.root, base: 'main~1', head: 'main', defaultBranch: 'main', environments: FIXTURE_ENVS, clock: fixedClock(420) });
  const markdown = renderMarkdown(diff);
  // Golden files name commits by role, so they survive fixture changes that move hashes.
  const golden = markdown.replaceAll(baseCommit.slice(0, 12), '<base>').replaceAll(headCommit.slice(0, 12), '<head>');
  return { diff, markdown, golden, baseCommit, headCommit };
}

const counted = <T>(added: number, changed: number, removed: number, items: T[]) => ({ added, changed, removed, items });
const none = counted(0, 0, 0, []);
const unchanged: EnvironmentDiff = { terraform: none, kubernetes: none, argocd: none, atlantisProjects: [] };
const consistent = { status: 'consistent', method: MANIFEST_METHOD, problems: [] };
const project = (env: string, stack: string, dependsOn: string[] = []) => ({
  name: `${env}-${stack}`,
  dir: `generated/terraform/${env}/${stack}`,
  workspace: 'default',
  autoplan: true,
  dependsOn,
  modifiedFiles: [`generated/terraform/${env}/${stack}/main.tf.json`],
});
/** The whole expected diff of a scenario run: its revisions, these environments and risks, nothing else. */
const expected = (result: { baseCommit: string; headCommit: string }, environments: Record<string, unknown>, risks: unknown[] = []) => ({
  base: { ref: 'main~1', commit: result.baseCommit, tip: result.baseCommit, behind: 0 },
  head: { ref: 'main', commit: result.headCommit },
  environments,
  repository: { changedFiles: [], atlantisProjects: [] },
  risks,
  warnings: [],
  staleness: consistent,
  durationMs: 420,
});
const object = (app: string, apiVersion: string, kind: string, name: string, namespace = 'platform-apps') => ({ app, apiVersion, kind, namespace, name });
/**
 * The fixture's monthly estimates at eu-west-1 prices (generators/cost): Aurora volume and I/O $4.40,
 * a KMS key $1.00, a bucket $1.15, a secret $0.40, three kafka.m7g.large brokers $446.76, and one
 * Redis node, cache.t4g.small $26.28 (dev, staging) or cache.r7g.large $176.66 (prod).
 */
const FIXTURE_USD = { dev: 479.99, staging: 479.99, prod: 630.37 };
const sameCost = (usd: number) => ({ cost: { beforeUsd: usd, afterUsd: usd, deltaUsd: 0, delta: '±$0/mo', contributors: [] } });

describe('a dev-only change', () => {
  const result = run(devOnlyChange());

  it('reports exactly the dev changes, the Atlantis project that plans, and nothing elsewhere', () => {
    expect(result.diff).toEqual(
      expected(result, {
        dev: {
          terraform: counted(0, 1, 0, [{ change: 'changed', stack: 'data', address: 'aws_rds_cluster.postgres', fields: [{ path: 'engine_version', change: 'changed', before: '16.4', after: '16.6' }], risks: [] }]),
          kubernetes: counted(0, 2, 0, [
            {
              change: 'changed',
              ...object('api-gateway', 'apps/v1', 'Deployment', 'api-gateway'),
              fields: [
                {
                  path: 'spec.template.spec.containers[name=api-gateway].image',
                  change: 'changed',
                  before: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/platform/api-gateway:1.4.0',
                  after: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/platform/api-gateway:1.5.0',
                },
              ],
              risks: [],
            },
            {
              change: 'changed',
              ...object('api-gateway', 'autoscaling/v2', 'HorizontalPodAutoscaler', 'api-gateway'),
              fields: [{ path: 'spec.maxReplicas', change: 'changed', before: 3, after: 4 }],
              risks: [],
            },
          ]),
          argocd: none,
          atlantisProjects: [project('dev', 'data', ['dev-network'])],
          ...sameCost(FIXTURE_USD.dev),
        },
        staging: unchanged,
        prod: unchanged,
      }),
    );
  });

  it('renders the golden comment', async () => {
    await expect(result.golden).toMatchFileSnapshot('__golden__/dev-only.md');
  });

  it('prints JSON that round-trips to the same structure', () => {
    expect(JSON.parse(renderJson(result.diff))).toEqual(result.diff);
  });
});

describe('a change to all environments', () => {
  const result = run(allEnvironmentsChange());

  it('keeps every environment in the JSON, undeduplicated', () => {
    const environment = (env: string, maxBefore: number) => ({
      terraform: counted(0, 1, 0, [{ change: 'changed', stack: 'network', address: 'aws_vpc.vpc', fields: [{ path: 'tags.team', change: 'added', after: 'platform' }], risks: [] }]),
      kubernetes: counted(0, 2, 0, [
        {
          change: 'changed',
          ...object('api-gateway', 'apps/v1', 'Deployment', 'api-gateway'),
          fields: [
            { path: 'spec.template.spec.containers[name=api-gateway].env[name=LOG_LEVEL].value', change: 'changed', before: 'info', after: 'debug' },
            { path: 'spec.template.spec.containers[name=api-gateway].env[name=SERVICE_ENVIRONMENT]', change: 'added', after: { name: 'SERVICE_ENVIRONMENT', value: env } },
          ],
          risks: [],
        },
        {
          change: 'changed',
          ...object('api-gateway', 'autoscaling/v2', 'HorizontalPodAutoscaler', 'api-gateway'),
          fields: [{ path: 'spec.maxReplicas', change: 'changed', before: maxBefore, after: maxBefore + 1 }],
          risks: [],
        },
      ]),
      argocd: none,
      atlantisProjects: [project(env, 'network')],
      ...sameCost(FIXTURE_USD[env as keyof typeof FIXTURE_USD]),
    });
    expect(result.diff).toEqual(expected(result, { dev: environment('dev', 3), staging: environment('staging', 6), prod: environment('prod', 12) }));
  });

  it('shows the identical changes once, for dev · staging · prod, and only the differences per environment', async () => {
    expect(result.markdown.match(/`aws_vpc\.vpc` \*\*changed\*\*/g)).toHaveLength(1);
    expect(result.markdown).toContain('<summary><b>dev · staging · prod</b> — 2 identical change(s)</summary>');
    await expect(result.golden).toMatchFileSnapshot('__golden__/all-environments.md');
  });
});

describe('a destructive database change', () => {
  const result = run(destructiveDatabaseChange());

  it('flags replacement, destruction, an address change with a moved-block suggestion, and lowered protection', () => {
    const danger = (rule: string, message: string) => ({ severity: 'danger', rule, message });
    const redis = danger('terraform-destroy', '`aws_elasticache_replication_group.redis` is destroyed: a stateful resource, its data is lost unless it is backed up.');
    const kafka = danger(
      'terraform-address-change',
      '`aws_msk_cluster.kafka` → `aws_msk_cluster.events` looks like a rename: without a `moved` block Terraform destroys and re-creates it. ' +
        'Add `moved { from = aws_msk_cluster.kafka to = aws_msk_cluster.events }` (cdktf: `.moveFromId("aws_msk_cluster.kafka")` on the new resource).',
    );
    const postgres = danger('terraform-replace', '`aws_rds_cluster.postgres` may be replaced (destroyed, then created): `engine` forces a new resource. Check the Atlantis plan.');
    const protection = { severity: 'warning', rule: 'terraform-protection-lowered', message: '`aws_rds_cluster.postgres` loses its protection against deletion: `deletion_protection`.' };
    const bucket = danger('terraform-replace', '`aws_s3_bucket.data_lake` may be replaced (destroyed, then created): `bucket` forces a new resource. Check the Atlantis plan.');
    const item = (change: string, address: string, extra: object = {}) => ({ change, stack: 'data', address, fields: [], risks: [], ...extra });
    expect(result.diff).toEqual(
      expected(result, {
        dev: unchanged,
        staging: unchanged,
        prod: {
          terraform: counted(1, 3, 2, [
            item('removed', 'aws_elasticache_replication_group.redis', { risks: [redis] }),
            item('changed', 'aws_kms_key.data_at_rest', { movedFrom: 'aws_kms_key.data' }),
            item('added', 'aws_msk_cluster.events'),
            item('removed', 'aws_msk_cluster.kafka', { likelyRenamedTo: 'aws_msk_cluster.events', risks: [kafka] }),
            item('changed', 'aws_rds_cluster.postgres', {
              fields: [
                { path: 'deletion_protection', change: 'changed', before: true, after: false },
                { path: 'engine', change: 'changed', before: 'aurora-postgresql', after: 'aurora-mysql' },
                { path: 'engine_version', change: 'changed', before: '16.4', after: '8.0.mysql_aurora.3.08.0' },
              ],
              risks: [postgres, protection],
            }),
            item('changed', 'aws_s3_bucket.data_lake', {
              fields: [{ path: 'bucket', change: 'changed', before: 'platform-prod-data-lake-333333333333', after: 'platform-prod-lake-333333333333' }],
              risks: [bucket],
            }),
          ]),
          kubernetes: none,
          argocd: none,
          atlantisProjects: [project('prod', 'data', ['prod-network'])],
          // The cache is gone; the renamed broker cluster and key cost what they cost before.
          cost: {
            beforeUsd: FIXTURE_USD.prod,
            afterUsd: 453.71,
            deltaUsd: -176.66,
            delta: '-$177/mo',
            contributors: [{ resource: 'data aws_elasticache_replication_group.redis', component: 'ElastiCache', deltaUsd: -176.66, delta: '-$177/mo' }],
          },
        },
      },
      [redis, kafka, postgres, bucket, protection].map((risk) => ({ environment: 'prod', artifact: 'terraform', subject: `data ${/`([^`]+)`/.exec(risk.message)![1]}`, ...risk })),
      ),
    );
  });

  it('puts the risks on the first screen of the golden comment', async () => {
    const firstScreen = result.markdown.split('<details>')[0]!;
    expect(firstScreen).toContain('| **prod** | +1 ~3 −2 | — | — | `prod-data` | 🛑 4 ⚠️ 1 | -$177/mo |');
    expect(firstScreen).toContain('**Risks** (🛑 4 ⚠️ 1)');
    await expect(result.golden).toMatchFileSnapshot('__golden__/destructive-database.md');
  });
});

describe('a secret change', () => {
  const result = run(secretChange());
  const hidden = (path: string) => ({ path, change: 'changed', sensitive: true });

  it('says which secrets changed, never their values', () => {
    const secretInGit = {
      severity: 'danger',
      rule: 'secret-in-git',
      message: '`Secret platform-apps/legacy-credentials` carries secret values in Git (not shown here): use an ExternalSecret instead.',
    };
    expect(result.diff).toEqual(
      expected(result, {
        dev: unchanged,
        staging: {
          terraform: counted(0, 2, 0, [
            { change: 'changed', stack: 'data', address: 'aws_secretsmanager_secret_version.redis_auth', fields: [hidden('secret_string')], risks: [] },
            { change: 'changed', stack: 'data', address: 'output.redis_auth_token', fields: [hidden('value')], risks: [] },
          ]),
          kubernetes: counted(0, 4, 0, [
            { change: 'changed', ...object('api-gateway', 'apps/v1', 'Deployment', 'api-gateway'), fields: [hidden('spec.template.spec.containers[name=api-gateway].env[name=DB_PASSWORD].value')], risks: [] },
            {
              change: 'changed',
              ...object('api-gateway', 'v1', 'ConfigMap', 'tls-material'),
              fields: [{ path: 'data.mode', change: 'changed', before: 'strict', after: 'relaxed' }, hidden('data["tls.key"]')],
              risks: [],
            },
            { change: 'changed', ...object('api-gateway', 'v1', 'Secret', 'legacy-credentials'), fields: [hidden('data.password')], risks: [secretInGit] },
            {
              change: 'changed',
              ...object('api-gateway', 'external-secrets.io/v1beta1', 'ExternalSecret', 'api-gateway-secrets'),
              fields: [
                { path: 'spec.data[secretKey=API_KEY].remoteRef.key', change: 'changed', before: 'platform/staging/api-gateway/api-keys', after: 'platform/staging/api-gateway/api-keys-v2' },
                hidden('spec.target.template.data.DSN'),
              ],
              risks: [],
            },
          ]),
          argocd: none,
          atlantisProjects: [project('staging', 'data', ['staging-network'])],
          ...sameCost(FIXTURE_USD.staging),
        },
        prod: unchanged,
      },
      [{ environment: 'staging', artifact: 'kubernetes', subject: 'api-gateway Secret platform-apps/legacy-credentials', ...secretInGit }],
      ),
    );
  });

  it('prints no secret value, in any form, in the JSON or the comment', async () => {
    const outputs = [renderJson(result.diff), result.markdown];
    const values = Object.values(SECRET_VALUES).flatMap((v) => [v, ...v.split('\n').filter((line) => line.length > 8)]);
    const decoded = [SECRET_VALUES.secretOld, SECRET_VALUES.secretNew].map((v) => Buffer.from(v, 'base64').toString('utf8'));
    for (const output of outputs) for (const secret of [...values, ...decoded]) expect(output).not.toContain(secret);
    expect(result.markdown).toContain('- `spec.template.spec.containers[name=api-gateway].env[name=DB_PASSWORD].value`: changed (value hidden)');
    await expect(result.golden).toMatchFileSnapshot('__golden__/secret-change.md');
  });
});

describe('destructive Kubernetes and Argo CD changes', () => {
  const result = run(destructiveKubernetesChange());

  it('flags immutable fields, a deleted namespace, a removed Application that prunes, and one pointing at nothing', async () => {
    expect(result.diff.risks.map((r) => [r.environment, r.severity, r.rule, r.subject])).toEqual([
      ['dev', 'danger', 'kubernetes-immutable-field', 'api-gateway Deployment platform-apps/api-gateway'],
      ['dev', 'danger', 'kubernetes-immutable-field', 'api-gateway Service platform-apps/api-gateway'],
      ['dev', 'danger', 'kubernetes-cascading-delete', 'baseline Namespace platform-data'],
      ['dev', 'danger', 'argocd-missing-path', 'Application worker'],
      ['staging', 'danger', 'argocd-app-removed', 'Application api-gateway'],
      ['dev', 'warning', 'kubernetes-volume-removed', 'api-gateway Deployment platform-apps/api-gateway'],
      ['dev', 'warning', 'kubernetes-service-type', 'api-gateway Service platform-apps/api-gateway'],
    ]);
    expect(result.diff.risks.find((r) => r.rule === 'argocd-app-removed')!.message).toBe(
      'Application `api-gateway` is removed: Argo CD deletes the 4 object(s) it deploys from `generated/kubernetes/staging/api-gateway`.',
    );
    expect(result.diff.environments.staging!.kubernetes).toMatchObject({ added: 0, changed: 0, removed: 4 });
    await expect(result.golden).toMatchFileSnapshot('__golden__/destructive-kubernetes.md');
  });
});

describe('a change that costs money', () => {
  const result = run(costChange());

  it('puts each environment’s monthly delta and its largest contributors in the JSON', () => {
    expect(result.diff.environments.dev!.cost).toEqual({
      beforeUsd: FIXTURE_USD.dev,
      afterUsd: 926.75,
      deltaUsd: 446.76,
      delta: '+$447/mo',
      contributors: [{ resource: 'data aws_msk_cluster.kafka', component: 'MSK', deltaUsd: 446.76, delta: '+$447/mo' }], // 3 more brokers × 0.204 × 730
    });
    expect(result.diff.environments.staging!.cost).toBeUndefined();
    expect(result.diff.environments.prod!.cost).toEqual({
      beforeUsd: FIXTURE_USD.prod,
      afterUsd: 807.03,
      deltaUsd: 176.66,
      delta: '+$177/mo',
      contributors: [{ resource: 'data aws_elasticache_replication_group.redis', component: 'ElastiCache', deltaUsd: 176.66, delta: '+$177/mo' }], // (0.484 − 0.242) × 730
    });
  });

  it('shows the delta in the summary table and names the contributors under it', () => {
    expect(result.markdown).toContain('| Environment | Terraform + ~ − | Kubernetes + ~ − | Applications + ~ − | Atlantis plans | Risk | Cost |');
    expect(result.markdown).toContain('| **dev** | +0 ~1 −0 | — | — | `dev-data` | — | +$447/mo |');
    expect(result.markdown).toContain('| **staging** | — | — | — | — | — | — |');
    expect(result.markdown).toContain('- **dev** +$447/mo: $479.99 → $926.75 a month, mostly `data aws_msk_cluster.kafka` +$447/mo');
    expect(result.markdown).toContain('- **prod** +$177/mo: $630.37 → $807.03 a month, mostly `data aws_elasticache_replication_group.redis` +$177/mo');
  });
});

describe('repository-wide changes', () => {
  it('lists a changed atlantis.yaml and Atlantis projects outside the environment layout under repository', () => {
    const base = platformFixture();
    const head = clone(base);
    editYaml(head, ATLANTIS_CONFIG_PATH, (docs) => {
      docs[0]!.projects.push({ name: 'bootstrap', dir: 'infra/bootstrap', autoplan: { when_modified: ['*.tf', '!README.md'] } });
    });
    const repo = createFixtureRepo();
    repos.push(repo);
    repo.commitTree({ ...renderFixture(base), 'infra/bootstrap/main.tf': 'terraform {}\n' }, 'base');
    repo.commitTree({ ...renderFixture(head), 'infra/bootstrap/main.tf': 'terraform { required_version = ">= 1.11" }\n', 'infra/bootstrap/README.md': 'x\n' }, 'head');
    const diff = computeEnvDiff({ root: repo.root, base: 'main~1', head: 'main', defaultBranch: 'main', environments: FIXTURE_ENVS });
    expect(diff.repository).toEqual({
      changedFiles: [ATLANTIS_CONFIG_PATH],
      atlantisProjects: [{ name: 'bootstrap', dir: 'infra/bootstrap', workspace: 'default', autoplan: true, dependsOn: [], modifiedFiles: ['infra/bootstrap/main.tf'] }],
    });
    expect(Object.values(diff.environments)).toEqual([unchanged, unchanged, unchanged]);
    expect(renderMarkdown(diff)).toContain('Repository-wide: `atlantis.yaml` changed; Atlantis also plans `bootstrap`.');
  });
});

describe('a huge diff', () => {
  const routes = 1500;
  const configMaps = 500;
  const result = run(hugeChange(routes, configMaps));

  it('counts everything in the JSON', () => {
    for (const env of FIXTURE_ENVS) {
      expect(result.diff.environments[env]!.terraform).toMatchObject({ added: 0, changed: routes, removed: 0 });
      expect(result.diff.environments[env]!.kubernetes).toMatchObject({ added: 0, changed: configMaps, removed: 0 });
    }
  });

  it('cuts the comment at whole resources under GitHub’s limit, balanced, with a counted notice and production first', () => {
    const { markdown } = result;
    expect(markdown.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(Buffer.byteLength(markdown)).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(isBalanced(markdown)).toBe(true);
    expect(markdown.startsWith(COMMENT_MARKER)).toBe(true);
    expect(markdown.trimEnd().endsWith('(`--format json` for machines)</sub>')).toBe(true);

    const total = FIXTURE_ENVS.length * (routes + configMaps);
    const shown = (markdown.match(/^- `[^`]+` \*\*changed\*\*$/gm) ?? []).length;
    expect(shown).toBeGreaterThan(100);
    expect(markdown).toContain(`Cut to fit GitHub's comment size limit: ${total - shown} of ${total} resource change(s) are not shown below.`);
    const omitted = [...markdown.matchAll(/_… (\d+) more change\(s\) not shown here/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(omitted).toBe(total - shown);
    // Every shown block is whole: each resource line is followed by its two field lines.
    expect((markdown.match(/^ {2}- `destination_cidr_block`/gm) ?? []).length).toBe((markdown.match(/`aws_route\.route_\d+` \*\*changed\*\*/g) ?? []).length);
    // Production gets the budget first, dev is only counted.
    const sectionOf = (env: string) => markdown.slice(markdown.indexOf(`<summary><b>${env}</b>`)).split('</details>')[0]!;
    expect(sectionOf('prod')).toContain('`aws_route.route_0` **changed**');
    expect(sectionOf('dev')).toContain(`_… ${routes + configMaps} more change(s) not shown here`);
  });
});
