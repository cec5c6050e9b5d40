import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { tools } from '../../environments/versions.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { atlantisConfig, atlantisProject } from './config.js';
import { atlantisGenerator } from './generator.js';
import { restrictionProblems } from './restrictions.js';
import { atlantisRepoConfigSchema, atlantisServerConfigSchema } from './schema.js';
import { atlantisValues, serverRepoConfig } from './server-config.js';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateRepo: ValidateFunction = ajv.compile(atlantisRepoConfigSchema);
const validateServer: ValidateFunction = ajv.compile(atlantisServerConfigSchema);
const errors = (validate: ValidateFunction, value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const model = loadRepositoryModel();
const config = atlantisConfig(model);
const prod = model.environments.find((e) => e.name === 'prod')!;

describe('atlantis.yaml', () => {
  it('has one project per environment stack, planning only that stack and applying after its upstream stacks', () => {
    expect(atlantisProject({ name: 'prod', tier: 'production' }, 'services')).toEqual({
      name: 'prod-services',
      dir: 'generated/terraform/prod/services',
      workspace: 'default',
      branch: '/^main$/',
      terraform_version: tools.terraform,
      autoplan: { enabled: true, when_modified: ['*.tf*', '.terraform.lock.hcl'] },
      depends_on: ['prod-cluster', 'prod-data'],
      execution_order_group: 3,
      apply_requirements: ['approved', 'mergeable', 'undiverged'],
      import_requirements: ['approved', 'mergeable', 'undiverged'],
      plan_requirements: ['approved', 'undiverged'],
    });
    expect(config.projects.map((p) => p.name)).toEqual([
      'dev-network', 'dev-cluster', 'dev-data', 'dev-services', 'dev-observability',
      'staging-network', 'staging-cluster', 'staging-data', 'staging-services', 'staging-observability',
      'prod-network', 'prod-cluster', 'prod-data', 'prod-services', 'prod-observability',
    ]);
    expect(config.autodiscover).toEqual({ mode: 'disabled' });
  });

  it('is stricter for prod: plans need an approval and an up-to-date base', () => {
    expect(atlantisProject({ name: 'dev', tier: 'development' }, 'data').plan_requirements).toBeUndefined();
    expect(atlantisProject({ name: 'staging', tier: 'pre-production' }, 'data').plan_requirements).toBeUndefined();
    expect(atlantisProject({ name: 'prod', tier: 'production' }, 'data').plan_requirements).toEqual(['approved', 'undiverged']);
  });

  it('validates against the schema written from the Atlantis parser', () => {
    expect(errors(validateRepo, config)).toEqual([]);
    // What synth writes, read back as YAML.
    const [file] = atlantisGenerator.scope === 'repository' ? atlantisGenerator.generate(model) : [];
    const written = file!.content.format === 'yaml' ? file!.content.documents[0] : undefined;
    expect(errors(validateRepo, parse(JSON.stringify(written)))).toEqual([]);
  });

  it('the schema rejects what Atlantis rejects', () => {
    const project = (extra: Record<string, unknown>) => ({ version: 3, projects: [{ dir: 'a', ...extra }] });
    expect(errors(validateRepo, { projects: [] })).not.toEqual([]); // version is required
    expect(errors(validateRepo, { version: 4 })).not.toEqual([]);
    expect(errors(validateRepo, { version: 3, projects: [{ name: 'x' }] })).not.toEqual([]); // dir is required
    expect(errors(validateRepo, project({ dir: '../outside' }))).not.toEqual([]);
    expect(errors(validateRepo, project({ apply_requirements: ['reviewed'] }))).not.toEqual([]);
    expect(errors(validateRepo, project({ branch: 'main' }))).not.toEqual([]);
    expect(errors(validateRepo, project({ name: 'has space' }))).not.toEqual([]);
    expect(errors(validateRepo, project({ workspace: 'a/b' }))).not.toEqual([]);
    expect(errors(validateRepo, project({ terraform_version: '>= 1.0' }))).not.toEqual([]);
    expect(errors(validateRepo, project({ autoplan: { when_modified: ['*.tf'], enabeld: true } }))).not.toEqual([]);
    expect(errors(validateRepo, project({ dir: 'stacks/*', name: 'glob' }))).not.toEqual([]);
    expect(errors(validateRepo, { version: 3, workflows: { w: { plan: { steps: ['init', 'deploy'] } } } })).not.toEqual([]);
    expect(errors(validateRepo, { version: 3, workflows: { w: { plan: { steps: [{ env: { name: 'A', value: '1', command: 'x' } }] } } } })).not.toEqual([]);
    expect(
      errors(validateRepo, {
        version: 3,
        workflows: { w: { plan: { steps: ['init', { plan: { extra_args: ['-lock=false'] } }, { run: { command: 'tflint', output: 'hide' } }, { env: { name: 'A', value: '1' } }] } } },
      }),
    ).toEqual([]);
  });
});

describe('server-side repo config', () => {
  const server = serverRepoConfig();

  it('validates against its schema and allows exactly the restricted keys atlantis.yaml sets', () => {
    expect(errors(validateServer, server)).toEqual([]);
    expect(restrictionProblems(config, server.repos[0]!, Object.keys(server.workflows))).toEqual([]);
    const used = new Set(config.projects.flatMap((p) => Object.keys(p)));
    expect(server.repos[0]!.allowed_overrides.every((key) => used.has(key))).toBe(true);
  });

  it('a config the server would reject is reported with Atlantis’s message', () => {
    const loosened = { ...config, projects: [{ ...config.projects[0]!, workflow: 'custom', repo_locks: { mode: 'disabled' } }] };
    expect(restrictionProblems(loosened, server.repos[0]!, Object.keys(server.workflows))).toEqual([
      "dev-network: repo config not allowed to set 'workflow' key: server-side config needs 'allowed_overrides: [workflow]'",
      "dev-network: repo config not allowed to set 'repo_locks' key: server-side config needs 'allowed_overrides: [repo_locks]'",
      "dev-network: workflow 'custom' is not defined",
    ]);
    expect(restrictionProblems({ workflows: { mine: {} } }, server.repos[0]!, [])).toEqual([
      "repo config not allowed to define custom workflows: server-side config needs 'allow_custom_workflows: true'",
    ]);
  });

  it('is what the Atlantis add-on runs with, and its requirements match atlantis.yaml', () => {
    const values = atlantisValues(prod);
    expect(parse(values.repoConfig)).toEqual(JSON.parse(JSON.stringify(server)));
    const repo = server.repos[0]!;
    for (const project of config.projects) {
      expect(project.apply_requirements).toEqual(repo.apply_requirements);
    }
    expect(values.environment.ATLANTIS_CHECKOUT_STRATEGY).toBe('merge'); // undiverged needs it
    expect(values.defaultTFVersion).toBe(tools.terraform);
    expect(values.serviceAccount.annotations['eks.amazonaws.com/role-arn']).toBe('arn:aws:iam::333333333333:role/platform-prod-irsa-atlantis');
    // Nothing secret in the values: the GitHub token and webhook secret come from an ExternalSecret.
    expect(JSON.stringify(values)).not.toMatch(/token"\s*:\s*"[^"]|ghp_|github_pat_/);
    expect(values.extraManifests[0]!.spec.data.map((d) => d.remoteRef.key)).toEqual(['platform/prod/atlantis/github', 'platform/prod/atlantis/github']);
  });
});
