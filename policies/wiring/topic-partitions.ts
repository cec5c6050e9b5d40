/**
 * WIRE-007: a consumer group cannot scale past the partitions of a topic it reads; pods beyond
 * that number get no partition and sit idle while the HPA believes it added capacity.
 *
 * From the output: consumers are containers with KAFKA_CONSUME_TOPICS and KAFKA_CONSUMER_GROUP;
 * partition counts are declared by the producing service (KAFKA_TOPIC_PARTITIONS, `topic=n,…`,
 * from `partitions` of its produce dependency), else the broker's auto-creation default
 * (`num.partitions` of the MSK configuration, when `auto.create.topics.enable=true`). A group's
 * reach is the sum over its workloads of HPA maxReplicas (else spec.replicas, default 1).
 */
import type { KubeObject } from '../engine/kubernetes.js';
import type { Finding, Rule } from '../engine/types.js';
import { at, num, str } from '../engine/values.js';
import { containerEnvs, literal } from './container-env.js';

const csv = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** HPAs by the workload they scale (`Kind/namespace/name`). */
function hpasByTarget(kubernetes: readonly KubeObject[]): Map<string, KubeObject> {
  const hpas = kubernetes.filter((o) => o.kind === 'HorizontalPodAutoscaler');
  return new Map(hpas.map((h) => [`${str(at(h.object, 'spec', 'scaleTargetRef', 'kind'))}/${h.namespace}/${str(at(h.object, 'spec', 'scaleTargetRef', 'name'))}`, h]));
}

function maxReplicas(hpas: Map<string, KubeObject>, workload: KubeObject): number {
  const hpa = hpas.get(workload.resource);
  return num(at(hpa?.object, 'spec', 'maxReplicas')) ?? num(at(workload.object, 'spec', 'replicas')) ?? 1;
}

export const topicPartitions: Rule = {
  id: 'WIRE-007',
  severity: 'error',
  area: 'wiring',
  title: 'Consumers scale within their topics\' partitions',
  checks:
    'For each consumer group and topic it reads: the sum of maxReplicas (HPA, else replicas) of the group\'s workloads is at most the topic\'s partitions, declared by its producer (KAFKA_TOPIC_PARTITIONS) or else the MSK auto-creation default num.partitions; a topic with neither is reported.',
  why: 'Kafka gives each partition to one member of a group: replicas beyond the partition count receive nothing, so scaling out stops helping exactly when the backlog grows.',
  fix: 'Raise `partitions` of the topic in the producing service\'s service.ts, or lower the consumer\'s replicas.max.',
  check({ kubernetes, terraform }) {
    const envs = containerEnvs(kubernetes);
    const declared = new Map<string, number>();
    for (const e of envs) {
      for (const entry of csv(literal(e.variables.get('KAFKA_TOPIC_PARTITIONS')))) {
        const [topic, count] = entry.split('=');
        if (topic && num(count) !== undefined) declared.set(topic, num(count)!);
      }
    }
    const brokerDefault = terraform.resources('aws_msk_configuration').map((c) => {
      const props = Object.fromEntries((str(c.attrs.server_properties) ?? '').split('\n').map((l) => l.split('=').map((s) => s.trim()) as [string, string]));
      return props['auto.create.topics.enable'] === 'true' ? num(props['num.partitions']) : undefined;
    })[0];

    const groups = new Map<string, { topics: Set<string>; workloads: Set<KubeObject> }>();
    for (const e of envs) {
      const group = literal(e.variables.get('KAFKA_CONSUMER_GROUP'));
      const topics = csv(literal(e.variables.get('KAFKA_CONSUME_TOPICS')));
      if (!group || topics.length === 0) continue;
      const entry = groups.get(group) ?? { topics: new Set(), workloads: new Set() };
      topics.forEach((t) => entry.topics.add(t));
      entry.workloads.add(e.workload);
      groups.set(group, entry);
    }

    const hpas = hpasByTarget(kubernetes);
    const findings: Finding[] = [];
    for (const [group, { topics, workloads }] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const members = [...workloads];
      const reach = members.reduce((sum, w) => sum + maxReplicas(hpas, w), 0);
      const first = members[0]!;
      for (const topic of [...topics].sort()) {
        const partitions = declared.get(topic) ?? brokerDefault;
        const source = declared.has(topic) ? 'declared by its producer' : 'the broker default num.partitions';
        if (partitions === undefined) {
          findings.push({ file: first.file, resource: first.resource, message: `consumer group ${group} reads ${topic}, whose partition count nobody declares (no producer's KAFKA_TOPIC_PARTITIONS, no broker default)` });
        } else if (reach > partitions) {
          findings.push({ file: first.file, resource: first.resource, message: `consumer group ${group} can scale to ${reach} pods but ${topic} has ${partitions} partitions (${source})` });
        }
      }
    }
    return findings;
  },
};
