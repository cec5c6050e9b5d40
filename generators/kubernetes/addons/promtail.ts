/** promtail: ships every node's container logs to Loki (a DaemonSet reading the host's log directory). */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { LOKI } from './endpoints.js';
import { addonRelease, resources, type ResourceValues } from './release.js';

interface PromtailValues {
  config: { clients: { url: string; external_labels: Record<string, string> }[] };
  resources: ResourceValues;
}

export function promtailRelease(env: ResolvedEnvironment): HelmRelease {
  return addonRelease<PromtailValues>(env, 'promtail', { namespace: naming.namespaces.monitoring, dependsOn: ['loki'] }, {
    config: { clients: [{ url: LOKI.pushUrl, external_labels: { environment: env.name, cluster: naming.clusterName(env.name) } }] },
    resources: resources('50m', '128Mi', '200m', '256Mi'),
  });
}
