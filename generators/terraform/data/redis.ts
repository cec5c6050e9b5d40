/**
 * ElastiCache Redis replication group: encrypted at rest (KMS) and in transit, AUTH token generated
 * once into Secrets Manager (pods read it through External Secrets), automatic failover and
 * multi-AZ from the config, slow log to CloudWatch.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { DataAwsSecretsmanagerRandomPassword } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-random-password/index.js';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group/index.js';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group/index.js';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version/index.js';
import { naming } from '../../naming.js';
import type { DataContext } from './context.js';
import { storeSecurityGroup } from './store-access.js';
import { rotationTags } from '../secrets/rotation-tags.js';

const PORT = naming.dataPorts.redis;

export function redis(ctx: DataContext): ElasticacheReplicationGroup {
  const { stack, env, prefix, network, dataKey, secretsKey } = ctx;
  const cache = env.cache;

  const subnetGroup = new ElasticacheSubnetGroup(stack, 'redis_subnet_group', {
    name: `${prefix}-redis`,
    description: `${prefix} Redis: database subnets`,
    subnetIds: network.getList('database_subnet_ids'),
  });
  const securityGroup = storeSecurityGroup(ctx, 'redis', 'redis', PORT);

  // The data source yields a new candidate on every plan; the secret keeps the first one
  // (ignore_changes), and the replication group reads the stored value, so the token is stable.
  const candidate = new DataAwsSecretsmanagerRandomPassword(stack, 'redis_auth_token_candidate', {
    passwordLength: 64,
    excludePunctuation: true,
  });
  const secret = new SecretsmanagerSecret(stack, 'secret_redis_auth_token', {
    name: naming.cacheAuthSecret(env.name),
    description: `${prefix} Redis AUTH token`,
    kmsKeyId: secretsKey.arn,
    recoveryWindowInDays: 7,
    // ElastiCache AUTH tokens have no AWS-provided rotation: the runbook rotates them ROTATE-then-SET.
    tags: rotationTags(env, 'runbook'),
  });
  const token = new SecretsmanagerSecretVersion(stack, 'secret_redis_auth_token_value', {
    secretId: secret.id,
    secretString: candidate.randomPassword,
    lifecycle: { ignoreChanges: ['secret_string'] },
  });

  const slowLog = new CloudwatchLogGroup(stack, 'redis_slow_log_group', {
    name: naming.logGroup(env.name, 'redis/slow-log'),
    retentionInDays: env.logRetentionDays,
    kmsKeyId: network.getString('logs_kms_key_arn'),
  });

  return new ElasticacheReplicationGroup(stack, 'redis', {
    replicationGroupId: naming.redisReplicationGroup(env.name),
    description: `${prefix} Redis`,
    engine: 'redis',
    engineVersion: cache.engineVersion,
    nodeType: cache.nodeType,
    numCacheClusters: cache.nodes,
    port: PORT,
    automaticFailoverEnabled: cache.nodes > 1,
    multiAzEnabled: cache.multiAz,
    atRestEncryptionEnabled: 'true',
    kmsKeyId: dataKey.arn,
    transitEncryptionEnabled: true,
    authToken: token.secretString,
    subnetGroupName: subnetGroup.name,
    securityGroupIds: [securityGroup.id],
    snapshotRetentionLimit: cache.snapshotRetentionDays,
    snapshotWindow: env.operations.maintenance.cacheSnapshot,
    maintenanceWindow: env.operations.maintenance.cache,
    autoMinorVersionUpgrade: 'true',
    logDeliveryConfiguration: [
      { destination: slowLog.name, destinationType: 'cloudwatch-logs', logFormat: 'json', logType: 'slow-log' },
    ],
    // The runbook rotates the token out of band (modify-replication-group ROTATE, then SET); Terraform
    // must not put the first token back.
    lifecycle: { ignoreChanges: ['auth_token'] },
  });
}
