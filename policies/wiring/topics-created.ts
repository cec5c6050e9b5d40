/**
 * WIRE-009: Kafka as a contract. Every topic a workload produces to or consumes from
 * (KAFKA_PRODUCE_TOPICS, KAFKA_CONSUME_TOPICS) is one the platform creates: a line of the
 * kafka-topics app's `topics` ConfigMap (generators/kubernetes/kafka-topics/), and the brokers
 * never create topics on first use (`auto.create.topics.enable=false` in every MSK configuration).
 * It cannot see a topic an image uses without declaring it, nor whether the Job has run.
 */
import type { Finding, Rule } from '../engine/types.js';
import { at, str } from '../engine/values.js';
import { containerEnvs, literal } from './container-env.js';

const KAFKA_TOPICS_CONFIG = 'kafka-topics';
const csv = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export const topicsCreated: Rule = {
  id: 'WIRE-009',
  severity: 'error',
  area: 'wiring',
  title: 'Every topic a service uses is created by the platform',
  checks:
    "Each topic in a container's KAFKA_PRODUCE_TOPICS or KAFKA_CONSUME_TOPICS is a line of the kafka-topics ConfigMap's `topics` (what the platform's Job creates), and no MSK configuration enables auto.create.topics.enable.",
  why: 'A topic created on first use gets broker defaults (partitions, replication, retention) nobody declared, and a typo in a topic name silently creates a new, unread topic.',
  fix: "Declare the topic as `produce` (with its partitions) in the producing service's dependencies.topics, and keep auto.create.topics.enable=false.",
  check({ kubernetes, terraform }) {
    const findings: Finding[] = [];
    const created = new Set(
      kubernetes
        .filter((o) => o.kind === 'ConfigMap' && o.name === KAFKA_TOPICS_CONFIG)
        .flatMap((o) => (str(at(o.object, 'data', 'topics')) ?? '').split('\n').map((line) => line.split(' ')[0]!).filter(Boolean)),
    );
    for (const e of containerEnvs(kubernetes)) {
      for (const variable of ['KAFKA_PRODUCE_TOPICS', 'KAFKA_CONSUME_TOPICS']) {
        for (const topic of csv(literal(e.variables.get(variable)))) {
          if (!created.has(topic)) {
            findings.push({ file: e.workload.file, resource: e.workload.resource, message: `uses topic ${topic} (${variable}), which the platform does not create (not in the ${KAFKA_TOPICS_CONFIG} ConfigMap)` });
          }
        }
      }
    }
    for (const configuration of terraform.resources('aws_msk_configuration')) {
      if (/^\s*auto\.create\.topics\.enable\s*=\s*true\s*$/m.test(str(configuration.attrs.server_properties) ?? '')) {
        findings.push({ file: configuration.file, resource: configuration.address, message: 'auto.create.topics.enable=true: brokers create undeclared topics on first use' });
      }
    }
    return findings;
  },
};
