/**
 * Observability of a service: a ServiceMonitor scraping what the service declares it exports
 * (`metrics` in its service.ts; the names alerts use are in metrics.ts) and a
 * PrometheusRule with the environment's SLO alerts (`alerts` in environments/<env>.ts).
 */
import type { Construct } from 'constructs';
import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { customResource } from '../crds.js';
import { HTTP_PORT_NAME, type ServiceContext } from './context.js';
import { serviceQueries } from './metrics.js';

type Rule = NonNullable<NonNullable<NonNullable<IPrometheusRule['spec']>['groups']>[number]['rules']>[number];

export function addServiceMonitor(scope: Construct, ctx: ServiceContext): void {
  customResource(scope, 'service-monitor', {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: ctx.service.name, namespace: ctx.namespace },
    spec: {
      selector: { matchLabels: ctx.selector },
      endpoints: [{ port: HTTP_PORT_NAME, path: ctx.service.metrics.path, interval: '30s', scrapeTimeout: '10s' }],
    },
  });
}

/** The seed SLO alerts, with thresholds from the environment. */
export function sloRules(ctx: ServiceContext): Rule[] {
  const { env, service } = ctx;
  const t = env.alerts;
  const q = serviceQueries(ctx.namespace, service.name);
  const labels = (severity: 'critical' | 'warning') => ({ severity, service: service.name, team: service.team, environment: env.name });
  const rule = (alert: string, expr: string, forDuration: string, severity: 'critical' | 'warning', summary: string): Rule => ({
    alert,
    expr,
    for: forDuration,
    labels: labels(severity),
    annotations: { summary, description: `${summary} ({{ $value | humanize }}).` },
  });
  return [
    rule('AvailabilityBelowTarget', `${q.availabilityPercent('1h')} < ${t.availabilityPercent}`, '5m', 'critical',
      `${service.name} availability over the last hour is below ${t.availabilityPercent}%`),
    rule('ErrorRateHigh', `${q.errorPercent('5m')} > ${t.errorRatePercent}`, '10m', 'critical',
      `${service.name} answers more than ${t.errorRatePercent}% of requests with 5xx`),
    rule('LatencyP99High', `${q.latencyMs(0.99, '5m')} > ${t.latencyP99Ms}`, '10m', 'warning',
      `${service.name} p99 latency is above ${t.latencyP99Ms} ms`),
    rule('CpuHigh', `${q.cpuPercent} > ${t.cpuPercent}`, '15m', 'warning', `one ${service.name} pod uses more than ${t.cpuPercent}% of its CPU limit`),
    rule('MemoryHigh', `${q.memoryPercent} > ${t.memoryPercent}`, '15m', 'warning', `one ${service.name} pod uses more than ${t.memoryPercent}% of its memory limit`),
  ];
}

export function addPrometheusRule(scope: Construct, ctx: ServiceContext): void {
  customResource(scope, 'prometheus-rule', {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: ctx.service.name, namespace: ctx.namespace },
    spec: { groups: [{ name: `${ctx.service.name}.slo`, rules: sloRules(ctx) }] },
  });
}
