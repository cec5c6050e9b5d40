/** promtail: ships every node's container logs to Loki (a DaemonSet reading the host's log directory). */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { LOKI } from './endpoints.js';
import { addonRelease, resources, type ResourceValues } from './release.js';

interface PromtailValues {
  /** The chart keeps its configuration in a Secret unless told otherwise (policy K8S-011). */
  configmap: { enabled: boolean };
  config: { clients: { url: string; external_labels: Record<string, string> }[] };
  /** The chart ships a readiness probe only (policy K8S-006); liveness uses the same endpoint. */
  livenessProbe: { httpGet: { path: string; port: string }; periodSeconds: number; failureThreshold: number };
  resources: ResourceValues;
  /** The chart tolerates only control-plane taints; a log agent must run on every node pool (policy WIRE-008). */
  tolerations: { operator: 'Exists' }[];
}

export function promtailRelease(env: ResolvedEnvironment): HelmRelease {
  return addonRelease<PromtailValues>(env, 'promtail', { namespace: naming.namespaces.monitoring, dependsOn: ['loki'] }, {
    configmap: { enabled: true },
    config: { clients: [{ url: LOKI.pushUrl, external_labels: { environment: env.name, cluster: naming.clusterName(env.name) } }] },
    livenessProbe: { httpGet: { path: '/ready', port: 'http-metrics' }, periodSeconds: 30, failureThreshold: 5 },
    resources: resources('50m', '128Mi', '200m', '256Mi'),
    tolerations: [{ operator: 'Exists' }],
  });
}
