/**
 * Grafana Alloy: ships every pod's logs to Loki (promtail reached end of life on 2026-03-02; see
 * environments/support.ts). A Deployment, not a DaemonSet: logs come through the Kubernetes API, so
 * the pods need neither host paths nor root, and run under the same admission rules as any add-on.
 */
import { createHash } from 'node:crypto';
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { alloyConfig } from './alloy-config.js';
import { addonRelease, controllerReplicas, resources, type ResourceValues } from './release.js';

/** The alloy user of the grafana/alloy image (its Dockerfile creates uid and gid 473). */
const ALLOY_UID = 473;
/** Alloy's data directory (write-ahead log, positions): an emptyDir, the root file system stays read-only. */
const STORAGE_PATH = '/var/lib/alloy/data';
const STORAGE_VOLUME = 'storage';

interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const READ = ['get', 'list', 'watch'];

interface AlloyValues {
  fullnameOverride: string;
  /** The chart's PodLogs CRD is for `loki.source.podlogs`, which this pipeline does not use. */
  crds: { create: boolean };
  global: { podSecurityContext: Record<string, unknown> };
  alloy: {
    configMap: { create: boolean; content: string };
    clustering: { enabled: boolean };
    storagePath: string;
    /** No anonymous usage reports to Grafana Labs (and no egress for them). */
    enableReporting: boolean;
    securityContext: Record<string, unknown>;
    resources: ResourceValues;
    livenessProbe: { httpGet: { path: string; port: string }; periodSeconds: number; failureThreshold: number };
    mounts: { varlog: boolean; dockercontainers: boolean; extra: { name: string; mountPath: string }[] };
  };
  /**
   * Least privilege: the chart's default ClusterRole also reads every Secret and ConfigMap of the
   * cluster (for components this pipeline does not use). Both lists end up in one ClusterRole and
   * must be non-empty (the chart renders an empty one as a bare `[]` inside the rules).
   */
  rbac: { create: boolean; rules: RbacRule[]; clusterRules: RbacRule[] };
  /** The reloader sidecar has no probes (policy K8S-006); a config change rolls the pods instead (checksum annotation). */
  configReloader: { enabled: boolean };
  controller: {
    type: 'deployment';
    replicas: number;
    podAnnotations: Record<string, string>;
    volumes: { extra: { name: string; emptyDir: { sizeLimit: string } }[] };
    podDisruptionBudget: { enabled: false } | { enabled: true; maxUnavailable: number };
  };
}

export function alloyRelease(env: ResolvedEnvironment): HelmRelease {
  const config = alloyConfig(env);
  const replicas = controllerReplicas(env);
  return addonRelease<AlloyValues>(env, 'alloy', { namespace: naming.namespaces.monitoring, dependsOn: ['loki'] }, {
    fullnameOverride: 'alloy',
    crds: { create: false },
    global: {
      podSecurityContext: { runAsNonRoot: true, runAsUser: ALLOY_UID, runAsGroup: ALLOY_UID, fsGroup: ALLOY_UID, seccompProfile: { type: 'RuntimeDefault' } },
    },
    alloy: {
      configMap: { create: true, content: config },
      clustering: { enabled: true },
      storagePath: STORAGE_PATH,
      enableReporting: false,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: ALLOY_UID,
        runAsGroup: ALLOY_UID,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      },
      resources: resources('100m', '256Mi', '500m', '512Mi'),
      // The chart ships a readiness probe only (policy K8S-006); liveness uses the same endpoint.
      livenessProbe: { httpGet: { path: '/-/ready', port: 'http-metrics' }, periodSeconds: 30, failureThreshold: 5 },
      mounts: { varlog: false, dockercontainers: false, extra: [{ name: STORAGE_VOLUME, mountPath: STORAGE_PATH }] },
    },
    rbac: {
      create: true,
      // discovery.kubernetes (role pod)
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: READ }],
      // loki.source.kubernetes
      clusterRules: [{ apiGroups: [''], resources: ['namespaces', 'pods/log'], verbs: READ }],
    },
    configReloader: { enabled: false },
    controller: {
      type: 'deployment',
      replicas,
      podAnnotations: { 'checksum/config': createHash('sha256').update(config).digest('hex') },
      volumes: { extra: [{ name: STORAGE_VOLUME, emptyDir: { sizeLimit: '1Gi' } }] },
      podDisruptionBudget: replicas > 1 ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
    },
  });
}
