/**
 * The metrics contract every service image honours: Prometheus text format at `/metrics` on its
 * HTTP port, with a request counter labelled by status code and a request-duration histogram.
 * Alerts, dashboards and request-rate autoscaling are all written against these names.
 */
export const METRICS_PATH = '/metrics';
export const REQUESTS_TOTAL = 'http_requests_total';
export const REQUEST_DURATION = 'http_request_duration_seconds';
/** What prometheus-adapter serves to the HPA: per-pod rate of REQUESTS_TOTAL. */
export const REQUESTS_PER_SECOND = 'http_requests_per_second';

/** The series of one service as Prometheus labels them: the ServiceMonitor's job is the Service name. */
export function serviceSelector(namespace: string, service: string): string {
  return `namespace="${namespace}", job="${service}"`;
}

function containerSelector(namespace: string, service: string): string {
  return `namespace="${namespace}", container="${service}"`;
}

/** PromQL of the RED signals and resource saturation of one service. */
export function serviceQueries(namespace: string, service: string) {
  const sel = serviceSelector(namespace, service);
  const errors = `${sel}, code=~"5.."`;
  const containers = containerSelector(namespace, service);
  const saturation = (usage: string, resource: string) =>
    `100 * max(${usage} / sum by (pod) (kube_pod_container_resource_limits{${containers}, resource="${resource}"}))`;
  return {
    requestRate: (window: string) => `sum(rate(${REQUESTS_TOTAL}{${sel}}[${window}]))`,
    errorPercent: (window: string) => `100 * sum(rate(${REQUESTS_TOTAL}{${errors}}[${window}])) / sum(rate(${REQUESTS_TOTAL}{${sel}}[${window}]))`,
    availabilityPercent: (window: string) =>
      `100 * (1 - sum(rate(${REQUESTS_TOTAL}{${errors}}[${window}])) / sum(rate(${REQUESTS_TOTAL}{${sel}}[${window}])))`,
    latencyMs: (quantile: number, window: string) =>
      `1000 * histogram_quantile(${quantile}, sum by (le) (rate(${REQUEST_DURATION}_bucket{${sel}}[${window}])))`,
    cpuPercent: saturation(`sum by (pod) (rate(container_cpu_usage_seconds_total{${containers}}[5m]))`, 'cpu'),
    memoryPercent: saturation(`sum by (pod) (container_memory_working_set_bytes{${containers}})`, 'memory'),
  };
}

/**
 * Pod annotations that carry a service's metrics declaration (services/<name>/service.ts `metrics`)
 * into the output, where the wiring policies (WIRE-005, WIRE-006) compare scrape targets, alerts and
 * autoscaling metrics with what the image exports.
 */
export const METRICS_ANNOTATIONS = {
  port: 'metrics.platform.acme.example/port',
  path: 'metrics.platform.acme.example/path',
  series: 'metrics.platform.acme.example/series',
} as const;

type Family = { name: string; type: 'counter' | 'gauge' | 'histogram' | 'summary' };

/** The series names a family produces (a histogram's buckets, sum and count; a summary's quantiles, sum and count). */
export function familySeries({ name, type }: Family): string[] {
  if (type === 'histogram') return [`${name}_bucket`, `${name}_count`, `${name}_sum`];
  if (type === 'summary') return [name, `${name}_count`, `${name}_sum`];
  return [name];
}

export function metricsAnnotations(metrics: { port: number; path: string; families: Family[] }): Record<string, string> {
  const series = [...new Set(metrics.families.flatMap(familySeries))].sort();
  return { [METRICS_ANNOTATIONS.port]: String(metrics.port), [METRICS_ANNOTATIONS.path]: metrics.path, [METRICS_ANNOTATIONS.series]: series.join(',') };
}
