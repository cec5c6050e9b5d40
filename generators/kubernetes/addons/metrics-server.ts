/** metrics-server: CPU and memory metrics for the HPAs (resource metrics API). */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { addonRelease, controllerReplicas, resources, type ResourceValues } from './release.js';

interface MetricsServerValues {
  replicas: number;
  args: string[];
  podDisruptionBudget: { enabled: boolean; minAvailable: number };
  resources: ResourceValues;
}

export function metricsServerRelease(env: ResolvedEnvironment): HelmRelease {
  const replicas = controllerReplicas(env);
  return addonRelease<MetricsServerValues>(env, 'metrics-server', { namespace: naming.namespaces.system, dependsOn: [BASELINE_APP] }, {
    replicas,
    args: ['--kubelet-preferred-address-types=InternalIP'],
    podDisruptionBudget: { enabled: replicas > 1, minAvailable: 1 },
    resources: resources('100m', '200Mi', '500m', '400Mi'),
  });
}
