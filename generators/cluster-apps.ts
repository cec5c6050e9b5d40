/**
 * The contract between the Kubernetes generators, which decide what runs in a cluster, and the
 * Argo CD generators, which deploy it: every Argo CD Application comes from one entry here.
 *  - a ManifestApp is a folder of generated manifests, generated/kubernetes/<env>/<name>/;
 *  - a HelmRelease is an upstream chart at a pinned version with typed values.
 * `dependsOn` names other apps or releases of the same environment; Argo CD sync waves are
 * computed from it.
 */
import type { AddonName } from '../environments/types.js';
import type { HelmChart } from '../environments/versions.js';

export interface ManifestApp {
  name: string;
  /** Repository-relative folder holding the app's manifests. */
  path: string;
  /** Default namespace of the app's namespaced objects. */
  namespace: string;
  /** AppProject the Application belongs to: `platform`, or the owning team of a service. */
  project: string;
  dependsOn: string[];
  /** Deployments whose replicas an HPA manages (Argo CD must ignore spec.replicas). */
  hpaManagedReplicas: boolean;
  /** Large objects (CRDs, dashboards) need server-side apply. */
  serverSideApply: boolean;
}

export interface HelmRelease {
  name: AddonName;
  namespace: string;
  project: string;
  chart: HelmChart;
  version: string;
  values: Record<string, unknown>;
  dependsOn: string[];
  serverSideApply: boolean;
}

export interface ClusterApps {
  manifests: ManifestApp[];
  releases: HelmRelease[];
}
