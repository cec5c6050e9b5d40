/**
 * Issue 13 protection, on the real repository's output: invariants that hold for any valid
 * repository (after adding a service, an environment or a secret the README's way).
 *  - Every Secrets Manager secret the generated Terraform declares is in the runbook's inventory,
 *    with the rotation method its tags state, and the runbook names it.
 *  - Every environment has a runbook, and it fills the names of its own account, region and cluster.
 *  - EKS access entries are exactly the environment's configured human roles (plus Karpenter's node
 *    role), never the Terraform role.
 *  - An environment with a copy region replicates every bucket that holds recovery data (tagged
 *    recovery-component) to a replica in that region, and copies Aurora's backups there.
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

  it('with a copy region: every recovery bucket replicates there, and Aurora backups are copied there', () => {
    const region = env.recovery.copyRegions[0];
    const replications = resourcesOf(name, 'aws_s3_bucket_replication_configuration');
    if (region === undefined) {
      expect(replications).toEqual([]);
      return;
    }
    const buckets = resourcesOf(name, 'aws_s3_bucket');
    const inCopyRegion = new Set(buckets.filter(([, b]) => b.provider === 'aws.copies').map(([id]) => id));
    const recoveryBuckets = buckets.filter(([, b]) => (b.tags as Record<string, string> | undefined)?.['recovery-component'] !== undefined && b.bucket !== naming.stateBucket(env.aws.accountId));
    expect(recoveryBuckets.length).toBeGreaterThan(0);
    for (const [id] of recoveryBuckets) {
      const replication = replications.find(([, r]) => r.bucket === `\${aws_s3_bucket.${id}.id}`);
      expect(replication, id).toBeDefined();
      const destination = /aws_s3_bucket\.([a-z0-9_]+)\.arn/.exec(JSON.stringify(replication![1].rule))?.[1];
      expect(inCopyRegion.has(destination ?? ''), `${id} → ${destination}`).toBe(true);
    }
    const vaults = resourcesOf(name, 'aws_backup_vault');
    const copyVaults = vaults.filter(([, v]) => v.provider === 'aws.copies').map(([id]) => `\${aws_backup_vault.${id}.arn}`);
    const plans = resourcesOf(name, 'aws_backup_plan');
    const copying = plans.filter(([, p]) => JSON.stringify(p.rule).includes('copy_action') && copyVaults.some((v) => JSON.stringify(p.rule).includes(v)));
    expect(copying.length).toBeGreaterThan(0);
    const selected = resourcesOf(name, 'aws_backup_selection').flatMap(([, s]) => s.resources as string[]);
    for (const [id] of resourcesOf(name, 'aws_rds_cluster')) expect(selected, id).toContain(`\${aws_rds_cluster.${id}.arn}`);
  });
});
