/**
 * MSK, per broker (dimensions `Cluster Name` and `Broker ID`, 1-based, at the DEFAULT monitoring
 * level): user CPU, data-disk use and under-replicated partitions.
 */
import type { AlarmSpec } from './alarm.js';
import type { AlarmInputs } from './inputs.js';

/** Broker data-disk use that pages: there is no per-environment setting, disks must never fill. */
export const KAFKA_DISK_USED_PERCENT = 80;

export function kafkaAlarms({ env, data }: AlarmInputs): AlarmSpec[] {
  const { cpuPercent } = env.alerts;
  const cluster = data.getString('kafka_cluster_name');
  const brokers = env.kafka.brokersPerAz * env.aws.availabilityZones.length;
  const specs: AlarmSpec[] = [];
  for (let broker = 1; broker <= brokers; broker++) {
    const dimensions = { 'Cluster Name': cluster, 'Broker ID': String(broker) };
    const namespace = 'AWS/Kafka';
    specs.push(
      {
        id: `alarm_kafka_cpu_${broker}`,
        name: `kafka-${broker}-cpu`,
        description: `MSK broker ${broker} user CPU above ${cpuPercent}%`,
        namespace,
        metric: 'CpuUser',
        dimensions,
        threshold: cpuPercent,
        missingData: 'missing',
      },
      {
        id: `alarm_kafka_disk_${broker}`,
        name: `kafka-${broker}-disk`,
        description: `MSK broker ${broker} data disk above ${KAFKA_DISK_USED_PERCENT}%`,
        namespace,
        metric: 'KafkaDataLogsDiskUsed',
        dimensions,
        threshold: KAFKA_DISK_USED_PERCENT,
        missingData: 'missing',
      },
      {
        id: `alarm_kafka_under_replicated_${broker}`,
        name: `kafka-${broker}-under-replicated`,
        description: `MSK broker ${broker} has under-replicated partitions`,
        namespace,
        metric: 'UnderReplicatedPartitions',
        dimensions,
        statistic: 'Maximum',
        threshold: 0,
        missingData: 'missing',
      },
    );
  }
  return specs;
}
