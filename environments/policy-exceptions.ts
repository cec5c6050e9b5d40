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
    rule: 'K8S-008',
    resource: NODE_EXPORTER,
    reason: 'node-exporter reports node metrics: it needs hostNetwork, hostPID and the host root file system (hostPath /)',
    expires: NODE_AGENT_REVIEW,
  },
];

/**
 * What upstream charts render that admission would reject and no value of the pinned chart version
 * can change (their records in policies/admission/charts/ say so). Reviewed at each chart bump.
 */
const CHART_LIMITATION_REVIEW = '2027-03-31';
const chartLimitation = (rule: string, resource: string, reason: string): PolicyException => ({ rule, resource, reason, expires: CHART_LIMITATION_REVIEW });

export const chartLimitationExceptions: PolicyException[] = [
  chartLimitation('K8S-006', 'Deployment/platform-system/cert-manager', 'cert-manager chart v1.21.2 renders only a liveness probe for the controller and has no value for a readiness probe'),
  ...['StatefulSet/platform-monitoring/loki-write', 'StatefulSet/platform-monitoring/loki-backend', 'Deployment/platform-monitoring/loki-gateway'].map((resource) =>
    chartLimitation('K8S-006', resource, 'loki chart 6.30.1 renders only a readiness probe here (no liveness value for write, backend and its rules sidecar, or the nginx gateway)'),
  ),
  ...['StatefulSet/platform-monitoring/loki-chunks-cache', 'StatefulSet/platform-monitoring/loki-results-cache'].map((resource) =>
    chartLimitation('K8S-006', resource, 'loki chart 6.30.1 renders memcached and its exporter without probes and has no value to add them'),
  ),
  chartLimitation('K8S-006', 'StatefulSet/argocd/argocd-application-controller', 'argo-cd chart 8.0.17 renders only a readiness probe for the application controller and has no liveness value'),
  chartLimitation(
    'K8S-006',
    'Deployment/platform-monitoring/grafana',
    'grafana chart 9.0.0 (in kube-prometheus-stack 72.6.2) renders its k8s-sidecar 1.30.0 containers (dashboards, datasources) without probes; its values could add some, but the sidecar image has no health endpoint confirmed at this version to point them at',
  ),
  chartLimitation('K8S-006', 'Deployment/platform-system/cert-manager-cainjector', 'cert-manager chart v1.21.2 renders no probes for the cainjector and has no value to add them'),
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
