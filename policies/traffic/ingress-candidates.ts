/**
 * Which pods a pod's ingress may admit, found through indexes (pods by namespace and by label)
 * instead of by asking every pod: K8S-020 looks for undeclared flows between every pair of pods,
 * which grows with the square of the pods; the pairs its ingress can admit grow with the policies.
 * The result is a superset of the sources for which `sideAllows(cluster, pod, 'Ingress', source,
 * port, 'possible')` can be true on any port: every pod when the pod is not isolated for ingress or
 * a rule admits every peer; the pods a selector peer's namespaces and first matchLabels entry allow;
 * the pods whose addresses meet any ipBlock. The caller still runs the full check on each, so the
 * findings are exactly those of asking every pod.
 */
import { selectorMatches } from '../kubernetes/label-selector.js';
import { LabelIndex } from '../engine/label-index.js';
import { dict } from '../engine/values.js';
import { isEmpty, overlaps, union, type AddressSet } from './addresses.js';
import type { PodEndpoint } from './endpoints.js';
import type { Peer } from './network-policies.js';
import { applyingPolicies, type Cluster } from './semantics.js';

/** The pods of an environment by position, namespace and label. */
export class PodIndex {
  private readonly index: LabelIndex<PodEndpoint>;
  readonly namespaces: string[];

  constructor(readonly pods: readonly PodEndpoint[]) {
    this.index = new LabelIndex(pods, (pod) => pod.namespace, (pod) => pod.labels);
    this.namespaces = this.index.namespaces();
  }

  /** Pods a selector peer of a policy in `policyNamespace` may match (a superset: the first matchLabels entry only). */
  peerCandidates(cluster: Cluster, peer: Peer, policyNamespace: string): number[] {
    const namespaces = peer.namespaceSelector
      ? this.namespaces.filter((namespace) => selectorMatches(peer.namespaceSelector, cluster.namespaceLabels(namespace)))
      : [policyNamespace];
    return this.index.positions(namespaces, peer.podSelector ? dict(peer.podSelector.matchLabels) : {});
  }
}

/** Positions (in `index.pods`) of the pods `destination`'s ingress may admit, ascending; 'all' when it may admit any pod. */
export function ingressCandidates(cluster: Cluster, index: PodIndex, destination: PodEndpoint): number[] | 'all' {
  if (!destination.policed) return 'all';
  const applying = applyingPolicies(cluster, destination, 'Ingress');
  if (applying.length === 0) return 'all';
  const positions = new Set<number>();
  const blocks: AddressSet[] = [];
  for (const policy of applying) {
    for (const rule of policy.ingress) {
      if (rule.peers === undefined) return 'all';
      for (const peer of rule.peers) {
        if (peer.ipBlock) blocks.push(peer.ipBlock);
        else for (const position of index.peerCandidates(cluster, peer, policy.namespace)) positions.add(position);
      }
    }
  }
  if (blocks.length > 0) {
    const allowed = union(...blocks);
    if (!isEmpty(allowed)) {
      const meets = new Map<AddressSet, boolean>();
      index.pods.forEach((pod, position) => {
        let result = meets.get(pod.addresses);
        if (result === undefined) meets.set(pod.addresses, (result = !isEmpty(pod.addresses) && overlaps(allowed, pod.addresses)));
        if (result) positions.add(position);
      });
    }
  }
  return [...positions].sort((a, b) => a - b);
}
