/** K8S-009: workloads that can run more than one replica have a PodDisruptionBudget. */
import { matchKinds, NOT_DELETE } from '../admission/kyverno.js';
import type { KubeObject } from '../engine/kubernetes.js';
import { SelectorIndex } from '../engine/selector-index.js';
import { at, num } from '../engine/values.js';
import { selectorMatches } from './label-selector.js';
import type { KubernetesRule } from './rule.js';
import { workloads } from './workloads.js';

const REPLICATED_KINDS = ['Deployment', 'StatefulSet'];

/** `namespace/kind/name` of every workload an HPA scales above one replica, built once per environment. */
function autoscaledAboveOne(objects: readonly KubeObject[]): Set<string> {
  const targets = new Set<string>();
  for (const o of objects) {
    if (o.kind !== 'HorizontalPodAutoscaler' || (num(at(o.object, 'spec', 'maxReplicas')) ?? 1) <= 1) continue;
    const kind = at(o.object, 'spec', 'scaleTargetRef', 'kind');
    const name = at(o.object, 'spec', 'scaleTargetRef', 'name');
    if (typeof kind === 'string' && typeof name === 'string') targets.add(JSON.stringify([o.namespace, kind, name]));
  }
  return targets;
}

/** Kyverno: counts PDBs of the request's namespace whose matchLabels select `labels` (a JMESPath literal). */
const pdbCount = (labels: string) => ({
  name: 'pdbCount',
  apiCall: {
    urlPath: '/apis/policy/v1/namespaces/{{ request.namespace }}/poddisruptionbudgets',
    jmesPath: `items[?label_match(spec.selector.matchLabels, \`${labels}\`)] | length(@)`,
  },
});
const NO_PDB = { deny: { conditions: { any: [{ key: '{{ pdbCount }}', operator: 'LessThan', value: 1 }] } } };

export const disruptionBudget: KubernetesRule = {
  id: 'K8S-009',
  severity: 'error',
  area: 'kubernetes',
  title: 'PodDisruptionBudget when replicas can exceed one',
  checks: 'Every Deployment or StatefulSet with `replicas` above 1, or scaled above 1 by a HorizontalPodAutoscaler, is selected by a PodDisruptionBudget of its namespace.',
  why: 'Without a budget, a node drain or cluster upgrade may evict every replica at once: the service goes down although it was scaled for availability.',
  fix: 'Generate a PodDisruptionBudget (policy/v1) selecting the workload\'s Pod labels, e.g. from the service\'s `minAvailable`.',
  check: ({ kubernetes }) => {
    const budgets = new SelectorIndex(
      kubernetes.filter((o) => o.kind === 'PodDisruptionBudget'),
      (b) => b.namespace,
      (b) => at(b.object, 'spec', 'selector'),
    );
    const autoscaled = autoscaledAboveOne(kubernetes);
    return workloads(kubernetes)
      .filter(({ object }) => REPLICATED_KINDS.includes(object.kind))
      .filter(({ object }) => (num(at(object.object, 'spec', 'replicas')) ?? 1) > 1 || autoscaled.has(JSON.stringify([object.namespace, object.kind, object.name])))
      .filter(
        ({ object, podLabels }) =>
          !budgets.candidates(object.namespace, podLabels).some(
            (b) => b.namespace === object.namespace && selectorMatches(at(b.object, 'spec', 'selector'), podLabels),
          ),
      )
      .map(({ object }) => ({
        file: object.file,
        resource: object.resource,
        message: `can run more than one replica but no PodDisruptionBudget in namespace ${object.namespace} selects its Pods`,
      }));
  },
  admission: {
    name: 'require-pdb',
    // API lookups of the request's namespace: admission only.
    background: false,
    subject: 'Deployment,StatefulSet,HorizontalPodAutoscaler',
    rules: [
      {
        name: 'pdb-for-replicated-workloads',
        match: matchKinds(REPLICATED_KINDS),
        preconditions: { all: [NOT_DELETE, { key: '{{ request.object.spec.replicas || `1` }}', operator: 'GreaterThan', value: 1 }] },
        context: [pdbCount('{{ request.object.spec.template.metadata.labels }}')],
        validate: { message: 'A workload with more than one replica needs a PodDisruptionBudget selecting its Pods.', ...NO_PDB },
      },
      {
        name: 'pdb-for-autoscaled-workloads',
        match: matchKinds(['HorizontalPodAutoscaler']),
        preconditions: {
          all: [
            NOT_DELETE,
            { key: '{{ request.object.spec.maxReplicas }}', operator: 'GreaterThan', value: 1 },
            { key: '{{ request.object.spec.scaleTargetRef.kind }}', operator: 'AnyIn', value: REPLICATED_KINDS },
          ],
        },
        context: [
          {
            name: 'targetLabels',
            apiCall: {
              urlPath:
                '/apis/apps/v1/namespaces/{{ request.namespace }}/{{ to_lower(request.object.spec.scaleTargetRef.kind) }}s/{{ request.object.spec.scaleTargetRef.name }}',
              jmesPath: 'spec.template.metadata.labels',
              default: {},
            },
          },
          pdbCount('{{ targetLabels }}'),
        ],
        validate: { message: 'An autoscaler that can scale above one replica needs a PodDisruptionBudget selecting its target\'s Pods.', ...NO_PDB },
      },
    ],
  },
};
