/**
 * Kubernetes NetworkPolicy semantics, as the VPC CNI network policy agent enforces them:
 * - a pod is isolated for a direction when any policy of its namespace selects it and lists that
 *   direction in policyTypes; an isolated pod admits exactly the union of those policies' rules;
 *   a flow needs both the source's egress and the destination's ingress to allow it;
 * - a peer with podSelector and/or namespaceSelector matches pods (podSelector alone: the policy's
 *   namespace; namespaceSelector alone: every pod of the selected namespaces); an ipBlock matches
 *   addresses (cidr minus except), pod addresses included: the agent matches IPs, whatever owns them;
 * - a numeric port (with endPort, a range) matches that port; a named port matches the destination
 *   pod's container port of that name and protocol; no port list matches every port;
 * - host-network pods and bare Pods are not policed (the agent skips them).
 * Pod addresses are only known as "somewhere in the pod subnets", so a match has two strengths:
 * `certain` (an ipBlock must cover every pod subnet: used to prove a needed flow is allowed) and
 * `possible` (an ipBlock that meets a pod subnet: used to find flows nobody declared).
 */
import { selectorMatches } from '../kubernetes/label-selector.js';
import { covers, isEmpty, overlaps, union, type AddressSet } from './addresses.js';
import type { Endpoint, FlowPort, PodEndpoint } from './endpoints.js';
import type { Direction, Peer, Policy, RulePort } from './network-policies.js';
import { PolicyIndex } from './policy-index.js';

export type Strength = 'certain' | 'possible';

export interface Cluster {
  /** Whether the CNI enforces NetworkPolicies at all (vpc-cni `enableNetworkPolicy`). */
  enforced: boolean;
  policies: readonly Policy[];
  /** Labels of a namespace (at least `kubernetes.io/metadata.name`). */
  namespaceLabels: (namespace: string) => Record<string, string>;
}

export interface Verdict {
  allowed: boolean;
  /** The side that denies it, when denied. */
  deniedBy?: 'egress of the source' | 'ingress of the destination';
}

/** Peer × pod results: a namespace-wide policy's peers are asked about the same pods for every pod it selects. */
const peerCache = new WeakMap<Peer, WeakMap<Endpoint, boolean>>();

/** Whether a podSelector/namespaceSelector peer matches a pod. */
function selectorPeerMatches(cluster: Cluster, peer: Peer, policyNamespace: string, other: Endpoint): boolean {
  if (peer.ipBlock || other.kind !== 'pod') return false;
  let byEndpoint = peerCache.get(peer);
  if (!byEndpoint) peerCache.set(peer, (byEndpoint = new WeakMap()));
  let result = byEndpoint.get(other);
  if (result === undefined) {
    result = peerMatchesUncached(cluster, peer, policyNamespace, other);
    byEndpoint.set(other, result);
  }
  return result;
}

function peerMatchesUncached(cluster: Cluster, peer: Peer, policyNamespace: string, other: Endpoint & { kind: 'pod' }): boolean {
  const namespaceOk = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, cluster.namespaceLabels(other.namespace)) : other.namespace === policyNamespace;
  const podOk = peer.podSelector ? selectorMatches(peer.podSelector, other.labels) : true;
  return namespaceOk && podOk;
}

function portMatches(rule: RulePort, flow: FlowPort, destination: Endpoint): boolean {
  if (rule.protocol !== flow.protocol) return false;
  if (rule.port === undefined) return true;
  if (flow.port === undefined) return false;
  if (typeof rule.port === 'number') return flow.port >= rule.port && flow.port <= (rule.endPort ?? rule.port);
  return destination.kind === 'pod' && destination.ports.some((p) => p.name === rule.port && p.protocol === flow.protocol && p.port === flow.port);
}

function anyPortMatches(rules: readonly RulePort[], flow: FlowPort, destination: Endpoint): boolean {
  for (const rule of rules) if (portMatches(rule, flow, destination)) return true;
  return false;
}

export const selects = (policy: Policy, pod: PodEndpoint) => policy.namespace === pod.namespace && selectorMatches(policy.podSelector, pod.labels);

/** The policies isolating each pod, per direction: computed once per cluster and pod (the check asks for every pair of pods). */
const applyingCache = new WeakMap<Cluster, WeakMap<PodEndpoint, Record<Direction, Policy[]>>>();
const policyIndexes = new WeakMap<Cluster, PolicyIndex>();

export function applyingPolicies(cluster: Cluster, pod: PodEndpoint, direction: Direction): Policy[] {
  let byPod = applyingCache.get(cluster);
  if (!byPod) applyingCache.set(cluster, (byPod = new WeakMap()));
  let entry = byPod.get(pod);
  if (!entry) {
    let index = policyIndexes.get(cluster);
    if (!index) policyIndexes.set(cluster, (index = new PolicyIndex(cluster.policies)));
    const selecting = index.candidates(pod).filter((p) => selects(p, pod));
    entry = { Ingress: selecting.filter((p) => p.types.includes('Ingress')), Egress: selecting.filter((p) => p.types.includes('Egress')) };
    byPod.set(pod, entry);
  }
  return entry[direction];
}

/**
 * Whether `pod`'s policies let the flow through in `direction` (`other` is the far end). Allowed
 * flows are the union of every rule of every policy that isolates the pod; so are the addresses of
 * ipBlocks, which together must cover (certain) or meet (possible) the far end's addresses.
 */
export function sideAllows(cluster: Cluster, pod: PodEndpoint, direction: Direction, other: Endpoint, port: FlowPort, strength: Strength): boolean {
  if (!pod.policed) return true;
  const applying = applyingPolicies(cluster, pod, direction);
  if (applying.length === 0) return true;
  const destination = direction === 'Ingress' ? pod : other;
  let blocks: AddressSet[] | undefined;
  for (const policy of applying) {
    for (const rule of direction === 'Ingress' ? policy.ingress : policy.egress) {
      if (rule.ports !== undefined && !anyPortMatches(rule.ports, port, destination)) continue;
      if (rule.peers === undefined) return true;
      for (const peer of rule.peers) {
        if (peer.ipBlock) {
          // The union of the blocks meets the far end's addresses exactly when one of the blocks does: no union needed.
          if (strength === 'possible') {
            if (overlaps(peer.ipBlock, other.addresses)) return true;
          } else (blocks ??= []).push(peer.ipBlock);
        } else if (selectorPeerMatches(cluster, peer, policy.namespace, other)) return true;
      }
    }
  }
  if (blocks === undefined) return false;
  const allowed = blocks.length === 1 ? blocks[0]! : union(...blocks);
  if (isEmpty(allowed) || isEmpty(other.addresses)) return false;
  return covers(allowed, other.addresses);
}

export function verdict(cluster: Cluster, source: Endpoint, destination: Endpoint, port: FlowPort, strength: Strength): Verdict {
  if (!cluster.enforced) return { allowed: true };
  if (source.kind === 'pod' && !sideAllows(cluster, source, 'Egress', destination, port, strength)) return { allowed: false, deniedBy: 'egress of the source' };
  if (destination.kind === 'pod' && !sideAllows(cluster, destination, 'Ingress', source, port, strength)) return { allowed: false, deniedBy: 'ingress of the destination' };
  return { allowed: true };
}
