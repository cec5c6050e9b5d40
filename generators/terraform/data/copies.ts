/**
 * The data stack's copies in the environment's copy region (recovery.copyRegions; prod): the
 * data-lake buckets replicate there, and AWS Backup takes a daily backup of the Aurora cluster and
 * copies it to a vault there. Aurora clusters cannot use `aws_db_instance_automated_backups_replication`
 * (instances only), so AWS Backup's cross-region copy action carries the cluster's backups across.
 */
import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan/index.js';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection/index.js';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';
import type { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster/index.js';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { naming } from '../../naming.js';
import { arn, assumeRoleByService } from '../iam.js';
import { terraformId } from '../irsa.js';
import { copyRegion, replicateBuckets } from '../recovery/copy-region.js';
import type { PlatformStack } from '../stack.js';
import type { DataContext } from './context.js';

/** Daily, in the hour after Aurora's own backup window (02:00–03:00 UTC). */
const BACKUP_SCHEDULE = 'cron(0 3 * * ? *)';

export function dataCopies(ps: PlatformStack, ctx: DataContext, database: RdsCluster, buckets: Record<string, S3Bucket>): void {
  const copies = copyRegion(ps);
  if (!copies) return;
  const { stack, env, prefix, dataKey } = ctx;

  replicateBuckets(
    stack,
    `${prefix}-data`,
    env.aws.region,
    copies,
    env.dataLake.buckets.map((b) => ({
      id: `bucket_${terraformId(b.name)}`,
      bucket: buckets[b.name]!,
      name: naming.dataLakeBucket(env.name, b.name, env.aws.accountId),
      keyArn: dataKey.arn,
      lifecycle: { intelligentTieringAfterDays: b.intelligentTieringAfterDays, noncurrentVersionExpirationDays: b.noncurrentVersionExpirationDays, expirationDays: b.expirationDays },
    })),
  );

  const vault = new BackupVault(stack, 'aurora_backup_vault', { name: naming.auroraBackupVault(env.name, false), kmsKeyArn: dataKey.arn });
  const copyVault = new BackupVault(stack, 'aurora_backup_vault_copies', {
    name: naming.auroraBackupVault(env.name, true),
    kmsKeyArn: copies.key.arn,
    provider: copies.provider,
  });
  const days = env.database.backupRetentionDays;
  const plan = new BackupPlan(stack, 'aurora_backup_plan', {
    name: `${prefix}-aurora`,
    rule: [
      {
        ruleName: 'daily-with-copy',
        targetVaultName: vault.name,
        schedule: BACKUP_SCHEDULE,
        lifecycle: { deleteAfter: days },
        copyAction: [{ destinationVaultArn: copyVault.arn, lifecycle: { deleteAfter: days } }],
      },
    ],
  });
  const role = new IamRole(stack, 'aurora_backup_role', {
    name: `${prefix}-aurora-backup`,
    description: `AWS Backup of ${prefix} Aurora, copied to ${copies.region}`,
    assumeRolePolicy: assumeRoleByService('backup.amazonaws.com'),
  });
  const attachment = new IamRolePolicyAttachment(stack, 'aurora_backup_role_policy', {
    role: role.name,
    policyArn: arn.managedPolicy('service-role/AWSBackupServiceRolePolicyForBackup'),
  });
  new BackupSelection(stack, 'aurora_backup_selection', {
    name: `${prefix}-aurora`,
    planId: plan.id,
    iamRoleArn: role.arn,
    resources: [database.arn],
    dependsOn: [attachment],
  });
}
