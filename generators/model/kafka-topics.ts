/**
 * Kafka as a contract: the topics the platform creates in an environment are exactly those the
 * services declare they produce (name, partitions, replication factor, retention); brokers never
 * create topics on first use (`auto.create.topics.enable=false`). Pure.
 */
import type { Environment } from '../../environments/types.js';
import type { ServiceDefinition } from '../../services/types.js';
import { compareStrings } from '../sort.js';

/** Kafka's own default retention (log.retention.hours). */
export const DEFAULT_RETENTION_HOURS = 168;
const MAX_DEFAULT_REPLICATION = 3;

export interface PlatformTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  retentionHours: number;
  /** The services that produce it (the first declares it; WIRE checks keep them consistent). */
  producers: string[];
}

export const brokerCount = (env: Pick<Environment, 'kafka' | 'aws'>) => env.kafka.brokersPerAz * env.aws.availabilityZones.length;

/** Three copies, or one per broker when there are fewer brokers. */
export const defaultReplicationFactor = (brokers: number) => Math.min(MAX_DEFAULT_REPLICATION, brokers);

/** The topics the platform creates in `env`, by name. Producers without `partitions` are a validation error, never here. */
export function platformTopics(env: Pick<Environment, 'kafka' | 'aws'>, services: readonly Pick<ServiceDefinition, 'name' | 'dependencies'>[]): PlatformTopic[] {
  const topics = new Map<string, PlatformTopic>();
  for (const service of services) {
    for (const topic of service.dependencies.topics) {
      if (topic.access !== 'produce') continue;
      const known = topics.get(topic.name);
      if (known) {
        known.producers.push(service.name);
        continue;
      }
      topics.set(topic.name, {
        name: topic.name,
        partitions: topic.partitions ?? 1,
        replicationFactor: topic.replicationFactor ?? defaultReplicationFactor(brokerCount(env)),
        retentionHours: topic.retentionHours ?? DEFAULT_RETENTION_HOURS,
        producers: [service.name],
      });
    }
  }
  return [...topics.values()].sort((a, b) => compareStrings(a.name, b.name));
}
