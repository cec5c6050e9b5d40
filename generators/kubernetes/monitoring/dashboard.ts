/**
 * A Grafana RED dashboard per service (Rate, Errors, Duration, plus saturation), written against
 * the metrics contract, with the environment's alert thresholds drawn as lines.
 */
import type { ResolvedEnvironment, ResolvedService } from '../../model/types.js';
import { naming } from '../../naming.js';
import { serviceQueries } from '../service/metrics.js';

/** kube-prometheus-stack provisions its Prometheus datasource under this uid. */
const PROMETHEUS_DATASOURCE = { type: 'prometheus', uid: 'prometheus' };
const PANEL = { width: 8, height: 8, perRow: 3 };

interface Panel {
  title: string;
  unit: string;
  targets: { expr: string; legendFormat: string }[];
  threshold?: number;
}

function panels(env: ResolvedEnvironment, service: ResolvedService): Panel[] {
  const q = serviceQueries(naming.serviceAccount(service.name).namespace, service.name);
  const a = env.alerts;
  return [
    { title: 'Rate', unit: 'reqps', targets: [{ expr: q.requestRate('5m'), legendFormat: 'requests/s' }] },
    { title: 'Errors (5xx)', unit: 'percent', targets: [{ expr: q.errorPercent('5m'), legendFormat: 'errors' }], threshold: a.errorRatePercent },
    {
      title: 'Duration',
      unit: 'ms',
      targets: [0.5, 0.9, 0.99].map((quantile) => ({ expr: q.latencyMs(quantile, '5m'), legendFormat: `p${quantile * 100}` })),
      threshold: a.latencyP99Ms,
    },
    { title: 'Availability (1h)', unit: 'percent', targets: [{ expr: q.availabilityPercent('1h'), legendFormat: 'availability' }], threshold: a.availabilityPercent },
    { title: 'CPU (% of limit, busiest pod)', unit: 'percent', targets: [{ expr: q.cpuPercent, legendFormat: 'cpu' }], threshold: a.cpuPercent },
    { title: 'Memory (% of limit, busiest pod)', unit: 'percent', targets: [{ expr: q.memoryPercent, legendFormat: 'memory' }], threshold: a.memoryPercent },
  ];
}

function panelJson(panel: Panel, index: number) {
  return {
    id: index + 1,
    type: 'timeseries',
    title: panel.title,
    datasource: PROMETHEUS_DATASOURCE,
    gridPos: { h: PANEL.height, w: PANEL.width, x: (index % PANEL.perRow) * PANEL.width, y: Math.floor(index / PANEL.perRow) * PANEL.height },
    fieldConfig: {
      defaults: {
        unit: panel.unit,
        ...(panel.threshold === undefined
          ? {}
          : {
              custom: { thresholdsStyle: { mode: 'line' } },
              thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: panel.threshold }] },
            }),
      },
      overrides: [],
    },
    targets: panel.targets.map((t, i) => ({ datasource: PROMETHEUS_DATASOURCE, expr: t.expr, legendFormat: t.legendFormat, refId: String.fromCharCode(65 + i) })),
  };
}

export function redDashboard(env: ResolvedEnvironment, service: ResolvedService): Record<string, unknown> {
  return {
    uid: `red-${service.name}`,
    title: `${service.name} · RED · ${env.name}`,
    description: service.description,
    tags: ['red', service.team, service.kind],
    timezone: 'utc',
    editable: false,
    refresh: '1m',
    time: { from: 'now-6h', to: 'now' },
    schemaVersion: 39,
    panels: panels(env, service).map(panelJson),
  };
}
