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
  ...['external-secrets', 'external-secrets-webhook', 'external-secrets-cert-controller'].map((name) =>
    chartLimitation(
      'K8S-006',
      `Deployment/platform-system/${name}`,
      'external-secrets chart 0.17.0 renders no liveness probe (the controller no readiness probe either) and has no value to add one',
    ),
  ),
  chartLimitation('K8S-006', 'Deployment/platform-system/cert-manager', 'cert-manager chart v1.21.2 renders only a liveness probe for the controller and has no value for a readiness probe'),
  ...['StatefulSet/platform-monitoring/loki-write', 'StatefulSet/platform-monitoring/loki-backend', 'Deployment/platform-monitoring/loki-gateway'].map((resource) =>
    chartLimitation('K8S-006', resource, 'loki chart 6.30.1 renders only a readiness probe here (no liveness value for write, backend and its rules sidecar, or the nginx gateway)'),
  ),
  ...['StatefulSet/platform-monitoring/loki-chunks-cache', 'StatefulSet/platform-monitoring/loki-results-cache'].map((resource) =>
    chartLimitation('K8S-006', resource, 'loki chart 6.30.1 renders memcached and its exporter without probes and has no value to add them'),
  ),
  chartLimitation('K8S-006', 'StatefulSet/argocd/argocd-application-controller', 'argo-cd chart 8.0.17 renders only a readiness probe for the application controller and has no liveness value'),
  chartLimitation('K8S-006', 'Deployment/platform-system/cert-manager-cainjector', 'cert-manager chart v1.21.2 renders no probes for the cainjector and has no value to add them'),
];

/**
 * Charts whose workloads are not yet recorded for admission (ADM-001, policies/admission/charts/),
 * for the environments that enforce (ADM-001 does not apply where Kyverno only audits):
 * until they are, synth cannot tell whether Kyverno in staging and prod admits them. Short-dated on
 * purpose: recording them is the follow-up of issue 11 item 3.
 */
const UNRECORDED_CHARTS_DEADLINE = '2026-12-14';
/** Each with what is already known of it, so the follow-up starts there. */
const UNRECORDED_CHARTS: Record<string, string> = {
  'kube-prometheus-stack':
    'kube-prometheus-stack 72.6.2 leaves resources empty for the operator, the admission webhook patch Jobs and the config reloaders; subchart prometheus-node-exporter 4.46.0 sets only readOnlyRootFilesystem on its container (no allowPrivilegeEscalation: false, no drop ALL: K8S-002 and K8S-004 besides the K8S-008 exception) and no resources; grafana 9.0.0 has no read-only root by default; kube-state-metrics is 5.33.x (5.33.1 or 5.33.2 when packaged); Prometheus and Alertmanager StatefulSets are created by the operator',
};

export const unrecordedChartExceptions: PolicyException[] = Object.entries(UNRECORDED_CHARTS).map(([chart, known]) => ({
  rule: 'ADM-001',
  resource: `Application/argocd/${chart}`,
  reason: `the workloads this chart renders are not recorded yet, so their admission by Kyverno is unchecked at synth; known: ${known}`,
  expires: UNRECORDED_CHARTS_DEADLINE,
}));

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
