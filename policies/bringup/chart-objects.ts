/**
 * Small builders for the objects an upstream chart renders, as far as bring-up cares: custom
 * resource definitions, service accounts, workloads and the kinds their values switch on. They
 * are approximations written from each chart's templates, never the chart's output.
 */
import { at, isDict, isTrue, str, type Dict } from '../engine/values.js';

export const crd = (group: string, kind: string): Dict => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${kind.toLowerCase()}s.${group}` },
  spec: { group, names: { kind } },
});

export const crds = (group: string, kinds: string[]) => kinds.map((kind) => crd(group, kind));

export const serviceAccount = (name: string, namespace: string, annotations: Dict = {}): Dict => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace, annotations },
});

export interface PodOptions {
  serviceAccountName?: string;
  /** Secrets the pods mount or read (must exist before they start). */
  secrets?: string[];
  nodeSelector?: unknown;
  tolerations?: unknown;
  /** StatefulSet volume claim templates: storage class name, or '' for the default class. */
  volumeClaims?: string[];
}

export function workload(kind: 'Deployment' | 'StatefulSet' | 'DaemonSet', name: string, namespace: string, pod: PodOptions): Dict {
  const secretVolumes = (pod.secrets ?? []).map((secretName, i) => ({ name: `secret-${i}`, secret: { secretName } }));
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace },
    spec: {
      template: {
        spec: {
          ...(pod.serviceAccountName ? { serviceAccountName: pod.serviceAccountName } : {}),
          ...(isDict(pod.nodeSelector) ? { nodeSelector: pod.nodeSelector } : {}),
          ...(Array.isArray(pod.tolerations) ? { tolerations: pod.tolerations } : {}),
          containers: [{ name, image: 'chart-default' }],
          volumes: secretVolumes,
        },
      },
      ...(pod.volumeClaims?.length
        ? { volumeClaimTemplates: pod.volumeClaims.map((sc, i) => ({ metadata: { name: `data-${i}` }, spec: sc ? { storageClassName: sc } : {} })) }
        : {}),
    },
  };
}

export const service = (name: string, namespace: string, type: string): Dict => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { type } });

export const serviceMonitor = (name: string, namespace: string): Dict => ({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name, namespace } });

/**
 * Every `serviceAccount` block of the values (top level and per component) with its name and
 * annotations; `fallback` names the top-level one when the values do not.
 */
export function valueServiceAccounts(values: Dict, namespace: string, fallback: string): Dict[] {
  const found: Dict[] = [];
  const visit = (value: unknown, path: string[]) => {
    if (!isDict(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'serviceAccount' && isDict(child) && child.create !== false) {
        const name = str(child.name) ?? (path.length === 0 ? fallback : `${fallback}-${path.join('-')}`);
        found.push(serviceAccount(name, namespace, isDict(child.annotations) ? child.annotations : {}));
      } else if (key !== 'extraManifests') visit(child, [...path, key]);
    }
  };
  visit(values, []);
  // Charts create their service account by default (serviceAccount.create: true) even when the values say nothing.
  return values.serviceAccount === undefined ? [serviceAccount(fallback, namespace), ...found] : found;
}

/** Whether any `serviceMonitor`/`servicemonitor` block of the values (at any depth) is enabled. */
export function anyServiceMonitor(values: unknown): boolean {
  if (!isDict(values)) return false;
  return Object.entries(values).some(([key, child]) =>
    /^servicemonitor$/i.test(key) && isTrue(at(child, 'enabled')) ? true : isDict(child) && anyServiceMonitor(child),
  );
}
