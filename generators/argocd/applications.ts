/**
 * One Argo CD Application per ManifestApp (a folder of generated manifests in this repository) and
 * per HelmRelease (an upstream chart at a pinned version with typed values).
 */
import { platform } from '../../environments/platform.js';
import type { HelmRelease, ManifestApp } from '../cluster-apps.js';
import { naming } from '../naming.js';
import { FINALIZER, SYNC_WAVE, syncPolicy } from './sync.js';

/** Argo CD's own release: it manages itself, so it must never cascade-delete itself. */
export const SELF_MANAGED_RELEASE = 'argo-cd';

export interface Placement {
  /** Sync wave, from the dependency graph. */
  wave: number;
  /** Whether deleting the Application deletes its resources. */
  cascadeDelete: boolean;
}

function metadata(name: string, placement: Placement) {
  return {
    name,
    namespace: naming.argocdNamespace,
    annotations: { [SYNC_WAVE]: String(placement.wave) },
    ...(placement.cascadeDelete ? { finalizers: [FINALIZER] } : {}),
  };
}

const destination = (namespace: string) => ({ server: naming.inClusterServer, namespace });

/** HPA-owned replica counts: ignored in the diff and, with RespectIgnoreDifferences, in the sync. */
const HPA_REPLICAS = [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }];

export function manifestApplication(app: ManifestApp, placement: Placement): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: metadata(app.name, placement),
    spec: {
      project: app.project,
      source: { repoURL: platform.repoURL, targetRevision: platform.defaultBranch, path: app.path, directory: { recurse: true } },
      destination: destination(app.namespace),
      ...(app.hpaManagedReplicas ? { ignoreDifferences: HPA_REPLICAS.map((d) => ({ ...d, jsonPointers: [...d.jsonPointers] })) } : {}),
      syncPolicy: syncPolicy({ serverSideApply: app.serverSideApply, respectIgnoreDifferences: app.hpaManagedReplicas }),
    },
  };
}

export function helmApplication(release: HelmRelease, values: Record<string, unknown>, placement: Placement): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: metadata(release.name, placement),
    spec: {
      project: release.project,
      source: {
        repoURL: release.chart.repoURL,
        chart: release.chart.chart,
        targetRevision: release.version,
        helm: { releaseName: release.name, valuesObject: values },
      },
      destination: destination(release.namespace),
      // Argo CD's own Application always applies server-side (its CRDs exceed the client-side annotation limit).
      syncPolicy: syncPolicy({ serverSideApply: release.serverSideApply || release.name === SELF_MANAGED_RELEASE, respectIgnoreDifferences: false }),
    },
  };
}
