/** Kubernetes manifests of one Argo CD app (generated/kubernetes/<env>/<app>/), diffed object by object. */
import type { DiffEntry } from './diff-entry.js';
import { diffObjectSets, type ManifestObject } from './manifest-objects.js';
import type { KubernetesItem } from './types.js';

export function diffKubernetesApp(app: string, before: Map<string, ManifestObject>, after: Map<string, ManifestObject>): DiffEntry<KubernetesItem>[] {
  return diffObjectSets(before, after).map((entry) => {
    const { change, ...object } = entry.item;
    return { ...entry, item: { change, app, ...object } };
  });
}
