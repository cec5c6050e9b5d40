/** The kafka-topics app over a fixture environment: what it creates, how it runs, and that a change re-runs it. */
import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '../../../services/types.js';
import { environmentWith, minimalService, service } from '../test-fixtures.js';
import { kafkaTopicsManifests } from './index.js';
import { topicsFile } from './script.js';
import { kafkaTopicsStatements } from '../../terraform/services/kafka-topics.js';
import { serviceDependencies } from '../apps.js';

const producer = (partitions: number) =>
  service({ name: 'writer', dependencies: { ...minimalService.dependencies, topics: [{ name: 'orders', access: 'produce', partitions, retentionHours: 2 }] } });
const reader = service({ name: 'reader', dependencies: { ...minimalService.dependencies, topics: [{ name: 'orders', access: 'consume' }] } });
const manifests = (services: ServiceDefinition[]) => kafkaTopicsManifests(environmentWith(services));
const byKind = (list: ReturnType<typeof manifests>, kind: string) => list.find((m) => m.kind === kind) as Record<string, any>;

describe('the kafka-topics app', () => {
  it('lists each produced topic once: name, partitions, replication, retention in ms', () => {
    const config = byKind(manifests([producer(4), reader]), 'ConfigMap');
    expect(config.data.topics).toMatch(/^orders 4 \d+ 7200000\n$/);
    expect(topicsFile([])).toBe('');
  });

  it('runs a hardened Job under its own service account, named by what it creates', () => {
    const first = manifests([producer(4), reader]);
    const job = byKind(first, 'Job');
    const pod = job.spec.template.spec;
    expect(pod.serviceAccountName).toBe('kafka-topics');
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(pod.containers[0].image).toMatch(/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/platform\/kafka-admin:[^:]+$/);
    expect(byKind(first, 'ServiceAccount').metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(/:role\/platform-[a-z0-9-]+-irsa-kafka-topics$/);
    const again = byKind(manifests([producer(4), reader]), 'Job').metadata.name;
    const grown = byKind(manifests([producer(8), reader]), 'Job').metadata.name;
    expect(again).toBe(job.metadata.name);
    expect(grown).not.toBe(job.metadata.name);
  });

  it('may create and alter exactly the declared topics, and nothing when none is declared', () => {
    const env = environmentWith([producer(4), reader]);
    const statements = kafkaTopicsStatements(env);
    expect(statements.map((s) => s.Sid)).toEqual(['ConnectToKafka', 'ManageDeclaredTopics']);
    expect(statements[1]!.Resource).toEqual([expect.stringMatching(/:topic\/[^/]+\/\*\/orders$/)]);
    expect(statements[1]!.Action).toContain('kafka-cluster:CreateTopic');
    expect(statements.flatMap((s) => s.Action)).not.toContain('kafka-cluster:WriteData');
    expect(kafkaTopicsStatements(environmentWith([reader])).map((s) => s.Sid)).toEqual(['ConnectToKafka']);
  });

  it('syncs before the services that use topics, and only those', () => {
    const env = environmentWith([producer(4), reader, minimalService]);
    const dependsOnTopics = env.services.filter((s) => serviceDependencies(s).includes('kafka-topics')).map((s) => s.name);
    expect(dependsOnTopics.sort()).toEqual(['reader', 'writer']);
  });
});
