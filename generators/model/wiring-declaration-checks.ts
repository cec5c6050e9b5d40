/**
 * Checks of the declarations the wiring contracts read (metrics, topic partitions): what the schema
 * cannot say. The contracts themselves are policies (policies/wiring/) over the generated output.
 */
import type { ServiceDefinition } from '../../services/types.js';
import { duplicates } from './environment-checks.js';
import type { Problem } from './problem.js';
import type { Sourced } from './service-checks.js';

export function checkWiringDeclarations(services: Sourced<ServiceDefinition>[]): Problem[] {
  const problems: Problem[] = [];
  const partitionsOf = new Map<string, { partitions: number; service: string }>();
  for (const { file, value: service } of services) {
    if (service.metrics.port !== service.port) {
      problems.push({ file, path: 'metrics.port', message: `expected the service's port ${service.port}: the platform scrapes only that port, got ${service.metrics.port}` });
    }
    duplicates(service.metrics.families.map((f) => f.name)).forEach((i) =>
      problems.push({ file, path: `metrics.families[${i}].name`, message: `duplicate metric family "${service.metrics.families[i]!.name}"` }),
    );
    service.dependencies.topics.forEach((topic, i) => {
      const path = `dependencies.topics[${i}].partitions`;
      if (topic.access === 'consume') {
        for (const field of ['partitions', 'replicationFactor', 'retentionHours'] as const) {
          if (topic[field] !== undefined) problems.push({ file, path: `dependencies.topics[${i}].${field}`, message: 'is declared by the producing service, not by a consumer' });
        }
      }
      // The platform creates the topic (brokers never auto-create): it needs the count.
      if (topic.access === 'produce' && topic.partitions === undefined) {
        problems.push({ file, path, message: `is required for a topic the service produces: the platform creates ${topic.name} with that many partitions` });
      }
      if (topic.access !== 'produce' || topic.partitions === undefined) return;
      const other = partitionsOf.get(topic.name);
      if (other && other.partitions !== topic.partitions) {
        problems.push({ file, path, message: `${topic.name} has ${other.partitions} partitions in ${other.service}; expected the same count, got ${topic.partitions}` });
      } else partitionsOf.set(topic.name, { partitions: topic.partitions, service: service.name });
    });
  }
  return problems;
}
