/**
 * Alarms on the data stores, with thresholds from the environment's alert settings: Aurora CPU,
 * Redis engine CPU and memory per node, MSK CPU and data-disk use per broker.
 */
import { Fn } from 'cdktf';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js';
import type { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import type { ObservabilityContext } from './context.js';

/** Broker data-disk use that pages: there is no per-environment setting, disks must never fill. */
export const KAFKA_DISK_USED_PERCENT = 80;
const PERIOD_SECONDS = 300;
const EVALUATION_PERIODS = 3;

interface AlarmSpec {
  id: string;
  name: string;
  description: string;
  namespace: string;
  metric: string;
  dimensions: Record<string, string>;
  threshold: number;
}

function alarm(ctx: ObservabilityContext, topic: SnsTopic, spec: AlarmSpec): void {
  new CloudwatchMetricAlarm(ctx.stack, spec.id, {
    alarmName: `${ctx.prefix}-${spec.name}`,
    alarmDescription: spec.description,
    namespace: spec.namespace,
    metricName: spec.metric,
    dimensions: spec.dimensions,
    statistic: 'Average',
    period: PERIOD_SECONDS,
    evaluationPeriods: EVALUATION_PERIODS,
    comparisonOperator: 'GreaterThanThreshold',
    threshold: spec.threshold,
    treatMissingData: 'missing',
    alarmActions: [topic.arn],
    okActions: [topic.arn],
  });
}

export function dataStoreAlarms(ctx: ObservabilityContext, topic: SnsTopic): void {
  const { env, data } = ctx;
  const { cpuPercent, memoryPercent } = env.alerts;

  alarm(ctx, topic, {
    id: 'alarm_postgres_cpu',
    name: 'postgres-cpu',
    description: `Aurora PostgreSQL CPU above ${cpuPercent}%`,
    namespace: 'AWS/RDS',
    metric: 'CPUUtilization',
    dimensions: { DBClusterIdentifier: data.getString('postgres_cluster_identifier') },
    threshold: cpuPercent,
  });

  // Members of a replication group without cluster mode are <group id>-001, -002, …
  const replicationGroup = data.getString('redis_replication_group_id');
  for (let node = 1; node <= env.cache.nodes; node++) {
    const member = Fn.format('%s-%03d', [replicationGroup, node]);
    alarm(ctx, topic, {
      id: `alarm_redis_cpu_${node}`,
      name: `redis-${node}-cpu`,
      description: `Redis node ${node} engine CPU above ${cpuPercent}%`,
      namespace: 'AWS/ElastiCache',
      metric: 'EngineCPUUtilization',
      dimensions: { CacheClusterId: member },
      threshold: cpuPercent,
    });
    alarm(ctx, topic, {
      id: `alarm_redis_memory_${node}`,
      name: `redis-${node}-memory`,
      description: `Redis node ${node} memory above ${memoryPercent}%`,
      namespace: 'AWS/ElastiCache',
      metric: 'DatabaseMemoryUsagePercentage',
      dimensions: { CacheClusterId: member },
      threshold: memoryPercent,
    });
  }

  const kafkaCluster = data.getString('kafka_cluster_name');
  const brokers = env.kafka.brokersPerAz * env.aws.availabilityZones.length;
  for (let broker = 1; broker <= brokers; broker++) {
    const dimensions = { 'Cluster Name': kafkaCluster, 'Broker ID': String(broker) };
    alarm(ctx, topic, {
      id: `alarm_kafka_cpu_${broker}`,
      name: `kafka-${broker}-cpu`,
      description: `MSK broker ${broker} user CPU above ${cpuPercent}%`,
      namespace: 'AWS/Kafka',
      metric: 'CpuUser',
      dimensions,
      threshold: cpuPercent,
    });
    alarm(ctx, topic, {
      id: `alarm_kafka_disk_${broker}`,
      name: `kafka-${broker}-disk`,
      description: `MSK broker ${broker} data disk above ${KAFKA_DISK_USED_PERCENT}%`,
      namespace: 'AWS/Kafka',
      metric: 'KafkaDataLogsDiskUsed',
      dimensions,
      threshold: KAFKA_DISK_USED_PERCENT,
    });
  }
}
