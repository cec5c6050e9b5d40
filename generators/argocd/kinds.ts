/**
 * What Argo CD needs to know about Kubernetes kinds to scope AppProjects: which kinds are
 * cluster-scoped (an AppProject denies those unless whitelisted), and which cluster-scoped kinds
 * each app needs. Namespaced kinds are allowed by default and only limited by destinations.
 */
import type { AddonName } from '../../environments/types.js';

export interface GroupKind {
  /** API group, '' for the core group. */
  group: string;
  kind: string;
}

const gk = (group: string, kind: string): GroupKind => ({ group, kind });

const CRD = gk('apiextensions.k8s.io', 'CustomResourceDefinition');
const CLUSTER_ROLE = gk('rbac.authorization.k8s.io', 'ClusterRole');
const CLUSTER_ROLE_BINDING = gk('rbac.authorization.k8s.io', 'ClusterRoleBinding');
const MUTATING_WEBHOOK = gk('admissionregistration.k8s.io', 'MutatingWebhookConfiguration');
const VALIDATING_WEBHOOK = gk('admissionregistration.k8s.io', 'ValidatingWebhookConfiguration');
const RBAC = [CLUSTER_ROLE, CLUSTER_ROLE_BINDING];
const WEBHOOKS = [MUTATING_WEBHOOK, VALIDATING_WEBHOOK];

/** Cluster-scoped kinds of Kubernetes itself and of the CRDs the platform's add-ons install. */
export const CLUSTER_SCOPED_KINDS: readonly GroupKind[] = [
  gk('', 'Namespace'),
  gk('', 'Node'),
  gk('', 'PersistentVolume'),
  CRD,
  ...RBAC,
  ...WEBHOOKS,
  gk('admissionregistration.k8s.io', 'ValidatingAdmissionPolicy'),
  gk('admissionregistration.k8s.io', 'ValidatingAdmissionPolicyBinding'),
  gk('apiregistration.k8s.io', 'APIService'),
  gk('certificates.k8s.io', 'CertificateSigningRequest'),
  gk('flowcontrol.apiserver.k8s.io', 'FlowSchema'),
  gk('flowcontrol.apiserver.k8s.io', 'PriorityLevelConfiguration'),
  gk('networking.k8s.io', 'IngressClass'),
  gk('node.k8s.io', 'RuntimeClass'),
  gk('scheduling.k8s.io', 'PriorityClass'),
  gk('storage.k8s.io', 'CSIDriver'),
  gk('storage.k8s.io', 'CSINode'),
  gk('storage.k8s.io', 'StorageClass'),
  gk('storage.k8s.io', 'VolumeAttachment'),
  gk('cert-manager.io', 'ClusterIssuer'),
  gk('elbv2.k8s.aws', 'IngressClassParams'),
  gk('external-secrets.io', 'ClusterExternalSecret'),
  gk('external-secrets.io', 'ClusterSecretStore'),
  gk('karpenter.k8s.aws', 'EC2NodeClass'),
  gk('karpenter.sh', 'NodeClaim'),
  gk('karpenter.sh', 'NodePool'),
  gk('kyverno.io', 'ClusterCleanupPolicy'),
  gk('kyverno.io', 'ClusterPolicy'),
  gk('wgpolicyk8s.io', 'ClusterPolicyReport'),
];

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → ''. */
export function apiGroup(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

export function isClusterScoped(apiVersion: string, kind: string): boolean {
  const group = apiGroup(apiVersion);
  return CLUSTER_SCOPED_KINDS.some((k) => k.group === group && k.kind === kind);
}

/** Cluster-scoped kinds each add-on's chart installs (at the pinned chart versions). */
export const ADDON_CLUSTER_KINDS: Record<AddonName, readonly GroupKind[]> = {
  alloy: RBAC,
  'argo-cd': [CRD, ...RBAC],
  atlantis: [],
  'aws-load-balancer-controller': [CRD, ...RBAC, ...WEBHOOKS, gk('networking.k8s.io', 'IngressClass'), gk('elbv2.k8s.aws', 'IngressClassParams')],
  'cert-manager': [CRD, ...RBAC, ...WEBHOOKS],
  'external-dns': RBAC,
  'external-secrets': [CRD, ...RBAC, VALIDATING_WEBHOOK],
  karpenter: [CRD, ...RBAC, ...WEBHOOKS],
  'kube-prometheus-stack': [CRD, ...RBAC, ...WEBHOOKS],
  kyverno: [CRD, ...RBAC, ...WEBHOOKS],
  loki: RBAC,
  'metrics-server': [...RBAC, gk('apiregistration.k8s.io', 'APIService')],
  'opentelemetry-collector': RBAC,
  'prometheus-adapter': [...RBAC, gk('apiregistration.k8s.io', 'APIService')],
  tempo: [],
  velero: [CRD, ...RBAC],
};

/**
 * Namespaces outside its own that an add-on's chart writes into (at the pinned chart versions):
 * metrics-server and prometheus-adapter bind the extension-apiserver-authentication-reader Role in
 * kube-system; kube-prometheus-stack creates Services there to scrape the control-plane components.
 */
export const ADDON_EXTRA_NAMESPACES: Partial<Record<AddonName, readonly string[]>> = {
  'kube-prometheus-stack': ['kube-system'],
  'metrics-server': ['kube-system'],
  'prometheus-adapter': ['kube-system'],
};

/**
 * Cluster-scoped kinds the platform's own manifest apps (the baseline and platform configuration)
 * may create: namespaces and the cluster-wide configuration of the add-ons. Service teams' apps
 * get no cluster-scoped kinds at all.
 */
export const PLATFORM_MANIFEST_CLUSTER_KINDS: readonly GroupKind[] = [
  gk('', 'Namespace'),
  ...RBAC,
  gk('cert-manager.io', 'ClusterIssuer'),
  gk('external-secrets.io', 'ClusterSecretStore'),
  gk('karpenter.k8s.aws', 'EC2NodeClass'),
  gk('karpenter.sh', 'NodePool'),
  gk('kyverno.io', 'ClusterPolicy'),
  gk('networking.k8s.io', 'IngressClass'),
  gk('scheduling.k8s.io', 'PriorityClass'),
  gk('storage.k8s.io', 'StorageClass'),
];

/** Namespaced kinds only the platform baseline manages; service teams' projects deny them. */
export const PLATFORM_ONLY_NAMESPACED_KINDS: readonly GroupKind[] = [gk('', 'ResourceQuota'), gk('', 'LimitRange')];
