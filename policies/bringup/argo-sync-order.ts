/**
 * How Argo CD orders the objects of one sync (gitops-engine `sync_tasks.go`): phase, then wave,
 * then a fixed kind order (Helm's), then name; and which kinds Argo CD can tell the health of.
 */
import { at, dict, str, type Dict } from '../engine/values.js';

/** gitops-engine's kind order; kinds not listed (all custom resources) sort after these. */
const KIND_ORDER = [
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget', 'ServiceAccount',
  'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition',
  'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding',
  'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler',
  'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
];

const KIND_POSITIONS = new Map(KIND_ORDER.map((kind, index) => [kind, index]));

export function kindOrder(kind: string): number {
  return KIND_POSITIONS.get(kind) ?? KIND_ORDER.length;
}

const PHASES: Record<string, number> = { PreSync: -1, Sync: 0, PostSync: 1 };
const HELM_HOOK_PHASES: Record<string, string> = { 'pre-install': 'PreSync', 'pre-upgrade': 'PreSync', 'post-install': 'PostSync', 'post-upgrade': 'PostSync' };

const integer = (value: string | undefined) => (value !== undefined && /^-?[0-9]+$/.test(value.trim()) ? Number(value) : undefined);

/** Sync phase (-1 PreSync, 0 Sync, 1 PostSync) and wave of an object, from its annotations. */
export function syncPosition(object: Dict): { phase: number; wave: number } {
  const annotations = dict(at(object, 'metadata', 'annotations'));
  const annotation = (key: string) => str(annotations[key]);
  const hook = annotation('argocd.argoproj.io/hook') ?? HELM_HOOK_PHASES[annotation('helm.sh/hook')?.split(',')[0]?.trim() ?? ''];
  const phase = PHASES[hook ?? 'Sync'] ?? 0;
  // The wave annotation, else the Helm hook weight, else 0 (syncwaves/waves.go).
  const wave = integer(annotation('argocd.argoproj.io/sync-wave')) ?? integer(annotation('helm.sh/hook-weight')) ?? 0;
  return { phase, wave };
}

/**
 * Kinds whose health Argo CD evaluates: the built-in checks of gitops-engine and the Lua checks
 * bundled with Argo CD for the custom resources this platform uses. Any other kind has no health
 * (`nil`): it counts as synced at once and never holds its Application back.
 */
const BUILT_IN = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Service', 'Ingress', 'PersistentVolumeClaim', 'Job', 'HorizontalPodAutoscaler', 'APIService']);
const BUNDLED_LUA = new Set([
  'external-secrets.io/ExternalSecret', 'external-secrets.io/SecretStore', 'external-secrets.io/ClusterSecretStore',
  'cert-manager.io/Certificate', 'cert-manager.io/Issuer', 'cert-manager.io/ClusterIssuer',
  'karpenter.sh/NodePool', 'kyverno.io/ClusterPolicy', 'kyverno.io/Policy',
]);

const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'networking.k8s.io', 'extensions', 'autoscaling', 'apiregistration.k8s.io']);

export function hasArgoHealth(group: string, kind: string): boolean {
  return BUILT_IN.has(kind) && BUILT_IN_GROUPS.has(group)
    ? true
    : BUNDLED_LUA.has(`${group}/${kind}`);
}

export const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '');
