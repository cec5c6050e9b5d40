/** Kafka as a contract: which topics the platform creates, with what settings, and what validation refuses. */
import { describe, expect, it } from 'vitest';
import { dev } from '../../environments/dev.js';
import type { ServiceDefinition } from '../../services/types.js';
import { minimalService, service } from '../kubernetes/test-fixtures.js';
import { brokerCount, DEFAULT_RETENTION_HOURS, defaultReplicationFactor, platformTopics } from './kafka-topics.js';
import { checkServices } from './service-checks.js';
import { checkWiringDeclarations } from './wiring-declaration-checks.js';

/** A fixture environment with `zones` × `perAz` brokers (the repository's dev otherwise). */
const envWith = (zones: number, perAz: number) => ({
  ...dev,
  services: {},
  aws: { ...dev.aws, availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'].slice(0, zones) },
  kafka: { ...dev.kafka, brokersPerAz: perAz },
});
const withTopics = (name: string, topics: ServiceDefinition['dependencies']['topics']) => service({ name, dependencies: { ...minimalService.dependencies, topics } });
const sourced = (services: ServiceDefinition[]) => services.map((s) => ({ file: `services/${s.name}/service.ts`, value: s }));

describe('the topics the platform creates', () => {
  it('are the produced ones, by name, with declared or default replication and retention', () => {
    const services = [
      withTopics('b', [{ name: 'zeta', access: 'produce', partitions: 4, replicationFactor: 2, retentionHours: 24 }, { name: 'alpha', access: 'consume' }]),
      withTopics('a', [{ name: 'alpha', access: 'produce', partitions: 6 }]),
      withTopics('c', [{ name: 'zeta', access: 'produce', partitions: 4 }, { name: 'unproduced', access: 'consume' }]),
    ];
    expect(platformTopics(envWith(3, 2), services)).toEqual([
      { name: 'alpha', partitions: 6, replicationFactor: 3, retentionHours: DEFAULT_RETENTION_HOURS, producers: ['a'] },
      { name: 'zeta', partitions: 4, replicationFactor: 2, retentionHours: 24, producers: ['b', 'c'] },
    ]);
    expect(platformTopics(envWith(2, 1), services)[0]!.replicationFactor).toBe(2);
  });

  it('default to three copies, or one per broker when fewer', () => {
    expect([1, 2, 3, 6].map(defaultReplicationFactor)).toEqual([1, 2, 3, 3]);
    expect(brokerCount(envWith(3, 2))).toBe(6);
  });
});

describe('topic declarations are validated', () => {
  it('refuse a replication factor above the brokers of an environment', () => {
    const problems = checkServices(sourced([withTopics('a', [{ name: 't', access: 'produce', partitions: 3, replicationFactor: 3 }])]), [
      { file: 'environments/small.ts', value: envWith(2, 1) },
      { file: 'environments/large.ts', value: envWith(3, 1) },
    ]);
    expect(problems).toEqual([
      { file: 'services/a/service.ts', path: 'dependencies.topics[0].replicationFactor', message: 'expected at most the 2 broker(s) of environments/small.ts (kafka.brokersPerAz × availability zones), got 3' },
    ]);
  });

  it('refuse consuming a topic no service produces', () => {
    const services = sourced([withTopics('a', [{ name: 't', access: 'produce', partitions: 3 }]), withTopics('b', [{ name: 't', access: 'consume' }, { name: 'typo', access: 'consume' }])]);
    expect(checkServices(services, [{ file: 'environments/small.ts', value: envWith(2, 1) }])).toEqual([
      { file: 'services/b/service.ts', path: 'dependencies.topics[1].name', message: 'no service produces typo, so the platform never creates it; expected it as a produce entry (with its partitions) of the producing service' },
    ]);
  });

  it('require partitions of a producer, and refuse topic settings on a consumer', () => {
    expect(checkWiringDeclarations(sourced([withTopics('a', [{ name: 't', access: 'produce' }, { name: 'u', access: 'consume', replicationFactor: 2, retentionHours: 5 }])]))).toEqual([
      { file: 'services/a/service.ts', path: 'dependencies.topics[0].partitions', message: 'is required for a topic the service produces: the platform creates t with that many partitions' },
      { file: 'services/a/service.ts', path: 'dependencies.topics[1].replicationFactor', message: 'is declared by the producing service, not by a consumer' },
      { file: 'services/a/service.ts', path: 'dependencies.topics[1].retentionHours', message: 'is declared by the producing service, not by a consumer' },
    ]);
  });
});
