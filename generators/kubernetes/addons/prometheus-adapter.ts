/** prometheus-adapter: serves the services' request rate (metrics contract) to their HPAs as a per-pod custom metric. */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { REQUESTS_PER_SECOND, REQUESTS_TOTAL } from '../service/metrics.js';
import { PROMETHEUS } from './endpoints.js';
import { addonRelease, controllerReplicas, resources, type ResourceValues } from './release.js';

interface AdapterRule {
  seriesQuery: string;
  resources: { overrides: Record<string, { resource: string }> };
  name: { matches: string; as: string };
  metricsQuery: string;
}

interface PrometheusAdapterValues {
  prometheus: { url: string; port: number };
  replicas: number;
  rules: { default: boolean; custom: AdapterRule[] };
  resources: ResourceValues;
}

export const requestRateRule: AdapterRule = {
  seriesQuery: `${REQUESTS_TOTAL}{namespace!="",pod!=""}`,
  resources: { overrides: { namespace: { resource: 'namespace' }, pod: { resource: 'pod' } } },
  name: { matches: `^${REQUESTS_TOTAL}$`, as: REQUESTS_PER_SECOND },
  metricsQuery: 'sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)',
};

export function prometheusAdapterRelease(env: ResolvedEnvironment): HelmRelease {
  return addonRelease<PrometheusAdapterValues>(env, 'prometheus-adapter', { namespace: PROMETHEUS.namespace, dependsOn: ['kube-prometheus-stack'] }, {
    prometheus: { url: `http://${PROMETHEUS.host}`, port: PROMETHEUS.port },
    replicas: controllerReplicas(env),
    rules: { default: false, custom: [requestRateRule] },
    resources: resources('100m', '128Mi', '500m', '256Mi'),
  });
}
