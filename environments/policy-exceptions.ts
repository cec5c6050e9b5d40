/**
 * Policy exceptions every environment declares (each environment lists its own in
 * `policyExceptions`; see the README's Policies section). Remove an entry when its reason is gone;
 * synth fails once one has expired. Kubernetes exceptions also exclude the object from that rule's
 * Kyverno policy, which is what the node agents below need: their Helm charts are rendered in the
 * cluster, so synth never sees them, but Kyverno enforces at admission in staging and prod.
 */
import type { PolicyException } from './types.js';

/** Node agents read the node itself: reviewed twice a year. */
const NODE_AGENT_REVIEW = '2027-05-31';
const PROMTAIL = 'DaemonSet/platform-monitoring/promtail';
const NODE_EXPORTER = 'DaemonSet/platform-monitoring/kube-prometheus-stack-prometheus-node-exporter';

export const platformPolicyExceptions: PolicyException[] = [
  {
    rule: 'K8S-010',
    resource: 'Namespace/argocd',
    reason:
      'the argocd namespace (argo-cd release) has no default-deny NetworkPolicies yet: it first needs generated allows for the repo server (Git, chart registries), the controller (API server) and the server ingress',
    expires: '2027-01-31',
  },
  {
    rule: 'K8S-001',
    resource: PROMTAIL,
    reason: 'promtail (chart default runAsUser 0) reads the root-owned container logs of the node; replaced by a non-root agent or fixed upstream',
    expires: NODE_AGENT_REVIEW,
  },
  {
    rule: 'K8S-008',
    resource: PROMTAIL,
    reason: 'promtail tails /var/log/pods and /var/lib/docker/containers through hostPath and keeps its positions in /run/promtail',
    expires: NODE_AGENT_REVIEW,
  },
  {
    rule: 'K8S-008',
    resource: NODE_EXPORTER,
    reason: 'node-exporter reports node metrics: it needs hostNetwork, hostPID and the host root file system (hostPath /)',
    expires: NODE_AGENT_REVIEW,
  },
];

/** A list of exceptions several environments share, with where it is defined (for error messages). */
export interface SharedPolicyExceptions {
  file: string;
  /** The exported constant, e.g. platformPolicyExceptions. */
  field: string;
  exceptions: readonly PolicyException[];
}

/**
 * Every shared list above. Problems with an entry (an impossible or past date, an unknown rule)
 * name this file and field, not the environment that spreads it in. Register a new shared list here.
 */
export const sharedPolicyExceptions: readonly SharedPolicyExceptions[] = [
  { file: 'environments/policy-exceptions.ts', field: 'platformPolicyExceptions', exceptions: platformPolicyExceptions },
];
