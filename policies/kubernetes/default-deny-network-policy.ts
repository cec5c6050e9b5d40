/** K8S-010: every namespace the platform deploys into has default-deny NetworkPolicies. */
import { matchKinds, NOT_DELETE } from '../admission/kyverno.js';
import type { KubeObject } from '../engine/kubernetes.js';
import { at, dict, list, str, strings } from '../engine/values.js';
import type { Finding } from '../engine/types.js';
import { selectsEverything } from './label-selector.js';
import type { KubernetesRule } from './rule.js';
import { POD_SPEC_PATHS, SYSTEM_NAMESPACES, workloads } from './workloads.js';

type Direction = 'Ingress' | 'Egress';
const DIRECTIONS: Direction[] = ['Ingress', 'Egress'];

/** Whether a NetworkPolicy selects every Pod and allows nothing in `direction`. */
function deniesAll(policy: KubeObject, direction: Direction): boolean {
  const spec = dict(policy.object.spec);
  const rules = direction === 'Ingress' ? spec.ingress : spec.egress;
  // The API server defaults policyTypes to Ingress, plus Egress when egress rules are present.
  const types = spec.policyTypes === undefined ? ['Ingress', ...(spec.egress === undefined ? [] : ['Egress'])] : strings(spec.policyTypes);
  return selectsEverything(spec.podSelector) && types.includes(direction) && list(rules).length === 0;
}

/**
 * Namespaces the environment's output deploys into, each with the file that names it first:
 * declared Namespaces, namespaces of Pod-bearing workloads, and Argo CD destination namespaces.
 */
function deployedNamespaces(objects: readonly KubeObject[]): Map<string, string> {
  const found = new Map<string, string>();
  const add = (namespace: string | undefined | null, file: string) => {
    if (namespace && !(SYSTEM_NAMESPACES as readonly string[]).includes(namespace) && !found.has(namespace)) found.set(namespace, file);
  };
  for (const o of objects.filter((o) => o.kind === 'Namespace')) add(o.name, o.file);
  for (const { object } of workloads(objects)) add(object.namespace, object.file);
  for (const o of objects.filter((o) => o.kind === 'Application' && o.apiVersion.startsWith('argoproj.io/'))) {
    add(str(at(o.object, 'spec', 'destination', 'namespace')), o.file);
  }
  return found;
}

/** Kyverno: counts NetworkPolicies of the request's namespace that select all Pods and allow nothing in one direction. */
const denyCount = (direction: Direction) => ({
  name: `deny${direction}`,
  apiCall: {
    urlPath: '/apis/networking.k8s.io/v1/namespaces/{{ request.namespace }}/networkpolicies',
    jmesPath: `items[?spec.podSelector == \`{}\` && contains(spec.policyTypes, '${direction}') && length(spec.${direction.toLowerCase()} || \`[]\`) == \`0\`] | length(@)`,
  },
});

export const defaultDenyNetworkPolicy: KubernetesRule = {
  id: 'K8S-010',
  severity: 'error',
  area: 'kubernetes',
  title: 'Default-deny NetworkPolicy in every namespace',
  checks: 'Every namespace the environment declares, runs workloads in or points an Argo CD Application at (EKS system namespaces aside) has NetworkPolicies that select all Pods (`podSelector: {}`) and allow no ingress and no egress.',
  why: 'Kubernetes allows all traffic by default: one compromised Pod could reach every other Pod and endpoint. Default deny makes every allowed flow an explicit, reviewed rule.',
  fix: 'Add default-deny ingress and egress NetworkPolicies to the namespace (the Kubernetes baseline does this for the platform namespaces) and explicit allows for the flows it needs.',
  check: ({ kubernetes }) => {
    const policies = kubernetes.filter((o) => o.kind === 'NetworkPolicy' && o.apiVersion === 'networking.k8s.io/v1');
    return [...deployedNamespaces(kubernetes)].flatMap(([namespace, file]): Finding[] => {
      const inNamespace = policies.filter((p) => p.namespace === namespace);
      const missing = DIRECTIONS.filter((direction) => !inNamespace.some((p) => deniesAll(p, direction)));
      if (missing.length === 0) return [];
      return [{ file, resource: `Namespace/${namespace}`, message: `no default-deny NetworkPolicy for ${missing.join(' and ').toLowerCase()}` }];
    });
  },
  admission: {
    name: 'require-default-deny',
    // API lookups of the request's namespace: admission only.
    background: false,
    subject: 'Pod',
    rules: [
      {
        name: 'require-default-deny-network-policies',
        match: matchKinds(Object.keys(POD_SPEC_PATHS).sort()),
        preconditions: { all: [NOT_DELETE] },
        context: DIRECTIONS.map(denyCount),
        validate: {
          message: 'Workloads may only run in a namespace with default-deny ingress and egress NetworkPolicies (podSelector: {}, no rules).',
          deny: { conditions: { any: DIRECTIONS.map((d) => ({ key: `{{ deny${d} }}`, operator: 'LessThan', value: 1 })) } },
        },
      },
    ],
  },
};
