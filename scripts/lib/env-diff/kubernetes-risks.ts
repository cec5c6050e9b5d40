/**
 * Static destructive-change detection for Kubernetes objects: edits to immutable fields (the sync
 * fails unless Argo CD deletes and re-creates the object), deleted namespaces, volumes and CRDs,
 * renames (delete + create), and Secret values committed to Git.
 */
import type { DiffEntry } from './diff-entry.js';
import { objectLabel } from './manifest-objects.js';
import { plainPath } from './paths.js';
import type { FieldChange, KubernetesItem, Risk, Severity } from './types.js';
import { code } from './markdown-text.js';

/** Fields the API server refuses to change, per kind (dot paths, list items ignored). */
export const IMMUTABLE_FIELDS: Record<string, { severity: Severity; paths: readonly string[] }> = {
  DaemonSet: { severity: 'danger', paths: ['spec.selector'] },
  Deployment: { severity: 'danger', paths: ['spec.selector'] },
  ReplicaSet: { severity: 'danger', paths: ['spec.selector'] },
  StatefulSet: { severity: 'danger', paths: ['spec.selector', 'spec.serviceName', 'spec.volumeClaimTemplates', 'spec.podManagementPolicy'] },
  Job: { severity: 'warning', paths: ['spec.selector', 'spec.template', 'spec.completions'] },
  Service: { severity: 'danger', paths: ['spec.clusterIP', 'spec.clusterIPs'] },
  PersistentVolumeClaim: {
    severity: 'danger',
    paths: ['spec.storageClassName', 'spec.accessModes', 'spec.volumeName', 'spec.volumeMode', 'spec.selector', 'spec.dataSource'],
  },
  StorageClass: { severity: 'warning', paths: ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'] },
};

/** Kinds whose deletion takes more with it than the object itself. */
const CASCADING_DELETES: Record<string, string> = {
  Namespace: 'Kubernetes deletes every object in it',
  PersistentVolumeClaim: 'its volume and data are deleted unless the reclaim policy retains them',
  PersistentVolume: 'its data is deleted unless the reclaim policy retains it',
  CustomResourceDefinition: 'Kubernetes deletes every custom resource of that kind',
};


function changedPaths(fields: FieldChange[], prefixes: readonly string[]): string[] {
  const hits = prefixes.filter((prefix) => fields.some((f) => {
    const path = plainPath(f.path);
    return path === prefix || path.startsWith(`${prefix}.`);
  }));
  return [...new Set(hits)];
}

const QUANTITY = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|K|M|G|T|P)?$/;
const UNITS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };

/** Bytes of a Kubernetes quantity such as `20Gi`; undefined when it is not one. */
export function quantityBytes(value: unknown): number | undefined {
  const match = typeof value === 'string' || typeof value === 'number' ? QUANTITY.exec(String(value)) : null;
  return match ? Number(match[1]) * (match[2] ? UNITS[match[2]]! : 1) : undefined;
}

function hasData(body: unknown): boolean {
  const { data, stringData } = (body ?? {}) as { data?: unknown; stringData?: unknown };
  const nonEmpty = (value: unknown) => typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  return nonEmpty(data) || nonEmpty(stringData);
}

function removalRisks(item: KubernetesItem): Risk[] {
  const label = code(objectLabel(item));
  if (item.likelyRenamedTo) {
    return [{ severity: 'warning', rule: 'kubernetes-rename', message: `${label} → ${code(item.likelyRenamedTo)} looks like a rename: the old object is deleted and a new one created.` }];
  }
  const consequence = CASCADING_DELETES[item.kind];
  return consequence ? [{ severity: 'danger', rule: 'kubernetes-cascading-delete', message: `${label} is deleted: ${consequence}.` }] : [];
}

export function kubernetesRisks(entry: DiffEntry<KubernetesItem>): Risk[] {
  const { item } = entry;
  const label = code(objectLabel(item));
  if (item.change === 'removed') return removalRisks(item);
  const risks: Risk[] = [];
  if (item.kind === 'Secret' && hasData(entry.after)) {
    risks.push({ severity: 'danger', rule: 'secret-in-git', message: `${label} carries secret values in Git (not shown here): use an ExternalSecret instead.` });
  }
  if (item.change !== 'changed') return risks;
  const immutable = IMMUTABLE_FIELDS[item.kind];
  const frozen = immutable ? changedPaths(item.fields, immutable.paths) : [];
  if (immutable && frozen.length > 0) {
    risks.push({
      severity: immutable.severity,
      rule: 'kubernetes-immutable-field',
      message: `${label} changes immutable ${frozen.map(code).join(', ')}: the sync fails unless Argo CD deletes and re-creates the object (downtime).`,
    });
  }
  if (item.kind === 'Service' && changedPaths(item.fields, ['spec.type']).length > 0) {
    risks.push({ severity: 'warning', rule: 'kubernetes-service-type', message: `${label} changes \`spec.type\`: its load balancer or node ports are re-provisioned and its address may change.` });
  }
  const before = (entry.before ?? {}) as { immutable?: unknown };
  if ((item.kind === 'ConfigMap' || item.kind === 'Secret') && before.immutable === true && changedPaths(item.fields, ['data', 'binaryData', 'stringData']).length > 0) {
    risks.push({ severity: 'danger', rule: 'kubernetes-immutable-field', message: `${label} is immutable and its data changes: the sync fails unless the object is re-created.` });
  }
  const removedVolumes = item.fields.filter((f) => f.change === 'removed' && /^spec\.template\.spec\.volumes(\[|$)/.test(f.path));
  if (removedVolumes.length > 0) {
    risks.push({ severity: 'warning', rule: 'kubernetes-volume-removed', message: `${label} removes pod volumes: ${removedVolumes.map((f) => code(f.path)).join(', ')}.` });
  }
  const storage = item.fields.find((f) => f.path === 'spec.resources.requests.storage');
  if (item.kind === 'PersistentVolumeClaim' && storage && (quantityBytes(storage.after) ?? Infinity) < (quantityBytes(storage.before) ?? 0)) {
    risks.push({ severity: 'danger', rule: 'kubernetes-immutable-field', message: `${label} shrinks its storage request: volumes can only grow.` });
  }
  return risks;
}
