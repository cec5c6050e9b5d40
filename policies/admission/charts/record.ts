/**
 * What an upstream chart renders into the cluster, recorded by hand from the chart's own templates
 * at the pinned version (no helm binary runs at synth): one file per add-on in this folder. Argo CD
 * renders these charts in the cluster, so synth never sees their objects; the admission rules
 * (ADM-001, ADM-002) check these records instead.
 */

/** A container as the chart renders it with our values: only the fields the Kubernetes rules read. */
export interface RecordedContainer {
  name: string;
  image: string;
  securityContext?: Record<string, unknown>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  livenessProbe?: Record<string, unknown>;
  readinessProbe?: Record<string, unknown>;
}

/** The security-relevant part of a rendered Pod spec. */
export interface RecordedPodSpec {
  securityContext?: Record<string, unknown>;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  /** Only the kinds matter (hostPath is what the rules look for); `{ name, emptyDir: {} }` etc. */
  volumes?: Record<string, unknown>[];
  initContainers?: RecordedContainer[];
  containers: RecordedContainer[];
}

export interface RecordedWorkload {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';
  /** metadata.name as rendered with the Application's release name. */
  name: string;
  /** The template it comes from, relative to the chart folder (a subchart's: `charts/<subchart>/templates/…`). */
  template: string;
  /**
   * Created by an operator from a custom resource the chart renders (e.g. Prometheus → StatefulSet),
   * rather than by the chart itself: admission sees it all the same.
   */
  createdBy?: string;
  podSpec: RecordedPodSpec;
}

export interface ChartRecord {
  /** Chart name, as in the Argo CD Application's `spec.source.chart`. */
  chart: string;
  /** The chart version read; must equal the Application's `targetRevision`. */
  version: string;
  /** The Helm release name the rendered names assume (`spec.source.helm.releaseName`). */
  releaseName: string;
  /** Where the templates were read: repository, chart folder and the tag (or commit) of that version. */
  source: { repository: string; path: string; ref: string };
  /**
   * The values (dotted paths into `helm.valuesObject`) this record depends on, with the value it
   * assumed. A change to one of them means the rendering may differ: re-record.
   */
  assumedValues: Record<string, unknown>;
  workloads: RecordedWorkload[];
}
