/**
 * The Grafana Alloy pipeline that replaces promtail: pod logs read through the Kubernetes API
 * (`loki.source.kubernetes`, so no hostPath, host network or root), shared between the replicas by
 * Alloy clustering, labelled like promtail did and pushed to Loki.
 */
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { LOKI } from './endpoints.js';

/** Target label ← discovery meta label, in the order they are applied. */
const LABELS: [string, string][] = [
  ['namespace', '__meta_kubernetes_namespace'],
  ['pod', '__meta_kubernetes_pod_name'],
  ['container', '__meta_kubernetes_pod_container_name'],
  ['app', '__meta_kubernetes_pod_label_app_kubernetes_io_name'],
  ['node_name', '__meta_kubernetes_pod_node_name'],
];

const quote = (text: string) => JSON.stringify(text);

export function alloyConfig(env: ResolvedEnvironment): string {
  const rules = LABELS.map(([target, source]) => ['  rule {', `    source_labels = [${quote(source)}]`, `    target_label  = ${quote(target)}`, '  }'].join('\n'));
  return [
    'discovery.kubernetes "pods" {',
    '  role = "pod"',
    '}',
    '',
    'discovery.relabel "pods" {',
    '  targets = discovery.kubernetes.pods.targets',
    ...rules,
    '}',
    '',
    'loki.source.kubernetes "pods" {',
    '  targets    = discovery.relabel.pods.output',
    '  forward_to = [loki.write.loki.receiver]',
    '  clustering {',
    '    enabled = true',
    '  }',
    '}',
    '',
    'loki.write "loki" {',
    '  endpoint {',
    `    url = ${quote(LOKI.pushUrl)}`,
    '  }',
    '  external_labels = {',
    `    environment = ${quote(env.name)},`,
    `    cluster     = ${quote(naming.clusterName(env.name))},`,
    '  }',
    '}',
    '',
  ].join('\n');
}
