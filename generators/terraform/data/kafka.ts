/**
 * MSK: brokers spread over every zone, TLS between clients and brokers and inside the cluster,
 * IAM authentication only, KMS encryption at rest, broker logs to CloudWatch, open monitoring
 * (Prometheus JMX and node exporters) reachable from the cluster. Brokers never create topics: the
 * platform's kafka-topics Job creates those the services declare (generators/model/kafka-topics.ts);
 * the bootstrap broker string goes into Secrets Manager for pods.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster/index.js';
import { MskConfiguration } from '@cdktf/provider-aws/lib/msk-configuration/index.js';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version/index.js';
import { naming } from '../../naming.js';
import type { DataContext } from './context.js';
import { openMonitoringAccess } from './open-monitoring.js';
import { storeSecurityGroup } from './store-access.js';
import { rotationTags } from '../secrets/rotation-tags.js';

/** Port of the IAM-authenticated TLS listener. */
const IAM_TLS_PORT = naming.dataPorts.kafka;

/** Broker settings that follow from the broker count: three copies when there are three brokers, never fewer than two in sync when possible. */
export function serverProperties(brokers: number): string {
  const replication = Math.min(3, brokers);
  const minInSync = Math.max(1, replication - 1);
  return [
    // Topics are a contract: the platform creates the declared ones (the kafka-topics Job), nothing else.
    'auto.create.topics.enable=false',
    `default.replication.factor=${replication}`,
    `min.insync.replicas=${minInSync}`,
    'num.partitions=6',
    'unclean.leader.election.enable=false',
  ].join('\n');
}

export function kafka(ctx: DataContext): MskCluster {
  const { stack, env, prefix, network, dataKey, secretsKey } = ctx;
  const brokers = env.kafka.brokersPerAz * env.aws.availabilityZones.length;
  const securityGroup = storeSecurityGroup(ctx, 'kafka', 'kafka', IAM_TLS_PORT);

  const configuration = new MskConfiguration(stack, 'kafka_configuration', {
    name: `${prefix}-kafka`,
    kafkaVersions: [env.kafka.version],
    serverProperties: serverProperties(brokers),
  });
  const brokerLog = new CloudwatchLogGroup(stack, 'kafka_broker_log_group', {
    name: naming.logGroup(env.name, 'kafka/broker'),
    retentionInDays: env.logRetentionDays,
    kmsKeyId: network.getString('logs_kms_key_arn'),
  });

  const cluster = new MskCluster(stack, 'kafka', {
    clusterName: naming.kafkaCluster(env.name),
    kafkaVersion: env.kafka.version,
    numberOfBrokerNodes: brokers,
    brokerNodeGroupInfo: {
      instanceType: env.kafka.brokerInstanceType,
      clientSubnets: network.getList('database_subnet_ids'),
      securityGroups: [securityGroup.id],
      storageInfo: { ebsStorageInfo: { volumeSize: env.kafka.volumeSizeGiB } },
    },
    encryptionInfo: {
      encryptionAtRestKmsKeyArn: dataKey.arn,
      encryptionInTransit: { clientBroker: 'TLS', inCluster: true },
    },
    clientAuthentication: { sasl: { iam: true }, unauthenticated: false },
    configurationInfo: { arn: configuration.arn, revision: configuration.latestRevision },
    loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: brokerLog.name } } },
    // Open monitoring: every broker serves JMX (11001) and node (11002) exporter metrics to Prometheus.
    openMonitoring: { prometheus: { jmxExporter: { enabledInBroker: true }, nodeExporter: { enabledInBroker: true } } },
  });
  openMonitoringAccess(ctx, securityGroup);

  const secret = new SecretsmanagerSecret(stack, 'secret_kafka_bootstrap_brokers', {
    name: naming.kafkaBootstrapSecret(env.name),
    description: `${prefix} MSK bootstrap brokers (IAM authentication, TLS)`,
    kmsKeyId: secretsKey.arn,
    recoveryWindowInDays: 7,
    tags: rotationTags(env, 'terraform-apply'),
  });
  new SecretsmanagerSecretVersion(stack, 'secret_kafka_bootstrap_brokers_value', {
    secretId: secret.id,
    secretString: cluster.bootstrapBrokersSaslIam,
  });
  return cluster;
}
