/**
 * Aurora PostgreSQL: instances from the config spread over the zones (multi-AZ when more than
 * one), KMS encryption, TLS enforced, IAM database authentication for services, the master password
 * managed by Secrets Manager, backups and Performance Insights retention from the config, deletion
 * protection (with a final snapshot) where configured, maintenance and backup windows from the config.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group/index.js';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster/index.js';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance/index.js';
import { RdsClusterParameterGroup } from '@cdktf/provider-aws/lib/rds-cluster-parameter-group/index.js';
import { naming } from '../../naming.js';
import { recoveryTags } from '../recovery/objective-tags.js';
import type { DataContext } from './context.js';
import { storeSecurityGroup } from './store-access.js';

const PORT = naming.dataPorts.postgres;
const MASTER_USER = 'platform_admin';

export function postgres(ctx: DataContext): RdsCluster {
  const { stack, env, prefix, network, dataKey, secretsKey } = ctx;
  const db = env.database;
  const identifier = naming.postgresCluster(env.name);
  const majorVersion = db.engineVersion.split('.')[0];

  const subnetGroup = new DbSubnetGroup(stack, 'postgres_subnet_group', {
    name: `${prefix}-postgres`,
    description: `${prefix} Aurora PostgreSQL: database subnets`,
    subnetIds: network.getList('database_subnet_ids'),
  });
  const securityGroup = storeSecurityGroup(ctx, 'postgres', 'postgres', PORT);
  const parameters = new RdsClusterParameterGroup(stack, 'postgres_cluster_parameters', {
    name: `${prefix}-postgres${majorVersion}`,
    family: `aurora-postgresql${majorVersion}`,
    description: `${prefix} Aurora PostgreSQL: TLS only`,
    parameter: [{ name: 'rds.force_ssl', value: '1' }],
  });
  // Created before the cluster exports to it, with retention and encryption.
  const logGroup = new CloudwatchLogGroup(stack, 'postgres_log_group', {
    name: naming.postgresLogGroup(env.name),
    retentionInDays: env.logRetentionDays,
    kmsKeyId: network.getString('logs_kms_key_arn'),
  });

  const cluster = new RdsCluster(stack, 'postgres_cluster', {
    clusterIdentifier: identifier,
    engine: 'aurora-postgresql',
    engineVersion: db.engineVersion,
    databaseName: naming.databaseName,
    masterUsername: MASTER_USER,
    manageMasterUserPassword: true,
    masterUserSecretKmsKeyId: secretsKey.arn,
    iamDatabaseAuthenticationEnabled: true,
    storageEncrypted: true,
    kmsKeyId: dataKey.arn,
    port: PORT,
    dbSubnetGroupName: subnetGroup.name,
    vpcSecurityGroupIds: [securityGroup.id],
    dbClusterParameterGroupName: parameters.name,
    backupRetentionPeriod: db.backupRetentionDays,
    // UTC windows from operations.maintenance, validated (format, length, no overlap) at load.
    preferredBackupWindow: env.operations.maintenance.databaseBackup,
    preferredMaintenanceWindow: env.operations.maintenance.database,
    copyTagsToSnapshot: true,
    tags: recoveryTags(env, 'database'),
    deletionProtection: db.deletionProtection,
    skipFinalSnapshot: !db.deletionProtection,
    finalSnapshotIdentifier: db.deletionProtection ? naming.postgresFinalSnapshot(env.name) : undefined,
    enabledCloudwatchLogsExports: ['postgresql'],
    dependsOn: [logGroup],
  });

  const zones = env.aws.availabilityZones;
  for (let i = 0; i < db.instances; i++) {
    new RdsClusterInstance(stack, `postgres_instance_${i + 1}`, {
      identifier: naming.postgresInstance(env.name, i + 1),
      clusterIdentifier: cluster.id,
      engine: cluster.engine,
      engineVersion: cluster.engineVersion,
      instanceClass: db.instanceClass,
      // The writer and its readers in different zones: a failover promotes a reader in another zone.
      availabilityZone: zones[i % zones.length],
      dbSubnetGroupName: subnetGroup.name,
      publiclyAccessible: false,
      autoMinorVersionUpgrade: true,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: dataKey.arn,
      performanceInsightsRetentionPeriod: db.performanceInsightsRetentionDays,
    });
  }
  return cluster;
}
