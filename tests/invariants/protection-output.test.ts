/**
 * Issue 13 protection, on the real repository's output: invariants that hold for any valid
 * repository (after adding a service, an environment or a secret the README's way).
 *  - Every Secrets Manager secret the generated Terraform declares is in the runbook's inventory,
 *    with the rotation method its tags state, and the runbook names it.
 *  - Every environment has a runbook, and it fills the names of its own account, region and cluster.
 *  - EKS access entries are exactly the environment's configured human roles (plus Karpenter's node
 *    role), never the Terraform role.
 */
import { describe, expect, it } from 'vitest';
import { naming } from '../../generators/naming.js';
import { platformSecrets } from '../../generators/runbooks/secret-inventory.js';
import { repositoryOutput } from '../support/repository-output.js';

const { model, files } = await repositoryOutput();
const terraformOf = (env: string) =>
  files.filter((f) => f.environment === env && f.path.startsWith(`generated/terraform/${env}/`) && f.content.format === 'json');
const resourcesOf = (env: string, type: string) =>
  terraformOf(env).flatMap((f) =>
    Object.entries(((f.content as { value: { resource?: Record<string, Record<string, Record<string, unknown>>> } }).value.resource ?? {})[type] ?? {}),
  );
const runbookOf = (env: string) => {
  const file = files.find((f) => f.path === `generated/runbooks/${env}.md`);
  return file?.content.format === 'markdown' ? file.content.text : undefined;
};

describe.each(model.environments.map((e) => [e.name, e] as const))('%s', (name, env) => {
  it('every generated secret is in the rotation inventory with the method its tags state, and the runbook names it', () => {
    const inventory = new Map(platformSecrets(env).filter((s) => s.inTerraform).map((s) => [s.name, s]));
    const secrets = resourcesOf(name, 'aws_secretsmanager_secret');
    expect(secrets.length).toBeGreaterThan(0);
    const runbook = runbookOf(name) ?? '';
    for (const [, secret] of secrets) {
      const secretName = secret.name as string;
      const tags = (secret.tags ?? {}) as Record<string, string>;
      expect(inventory.get(secretName)?.method, secretName).toBe(tags.rotation);
      expect(runbook, secretName).toContain(`\`${secretName}\``);
    }
    expect([...inventory.keys()].sort()).toEqual(secrets.map(([, s]) => s.name as string).sort());
  });

  it('has a runbook filled with its own account, region and cluster', () => {
    const runbook = runbookOf(name);
    expect(runbook).toBeDefined();
    for (const value of [env.aws.accountId, env.aws.region, naming.clusterName(name), naming.stateBucket(env.aws.accountId)]) expect(runbook).toContain(value);
  });

  it('maps exactly the configured human roles into the cluster, never the Terraform role', () => {
    const principals = resourcesOf(name, 'aws_eks_access_entry')
      .filter(([, e]) => e.type === 'STANDARD')
      .map(([, e]) => e.principal_arn as string);
    expect(principals.sort()).toEqual([...env.access.adminRoleArns, ...env.access.readOnlyRoleArns].sort());
    expect(principals).not.toContain(naming.roleArn(env.aws.accountId, env.aws.terraformRoleName));
  });
});
