/**
 * In-cluster names of the add-ons other apps talk to. Each add-on module pins its chart's object
 * names to these (`fullnameOverride`), so they do not depend on the Helm release name Argo CD uses.
 */
import { naming } from '../../naming.js';

const svc = (name: string, namespace: string) => `${name}.${namespace}.svc.cluster.local`;
const monitoring = naming.namespaces.monitoring;

export const OTEL_COLLECTOR = {
  fullname: 'opentelemetry-collector',
  namespace: monitoring,
  pods: { 'app.kubernetes.io/name': 'opentelemetry-collector' },
  grpcPort: 4317,
  httpPort: 4318,
  host: svc('opentelemetry-collector', monitoring),
} as const;

export const PROMETHEUS = {
  /** kube-prometheus-stack's fullnameOverride; the Prometheus service is `<fullname>-prometheus`. */
  fullname: 'kube-prometheus-stack',
  namespace: monitoring,
  /** Labels the Prometheus operator puts on Prometheus server pods. */
  pods: { 'app.kubernetes.io/name': 'prometheus' },
  host: svc('kube-prometheus-stack-prometheus', monitoring),
  port: 9090,
} as const;

export const GRAFANA = {
  fullname: 'grafana',
  /** Label the Grafana sidecar looks for on dashboard ConfigMaps in its namespace. */
  dashboardLabel: 'grafana_dashboard',
  adminSecret: 'grafana-admin',
} as const;

export const LOKI = {
  fullname: 'loki',
  pushUrl: `http://${svc('loki-gateway', monitoring)}/loki/api/v1/push`,
  queryUrl: `http://${svc('loki-gateway', monitoring)}`,
} as const;

export const TEMPO = {
  fullname: 'tempo',
  otlpGrpc: `${svc('tempo', monitoring)}:4317`,
  queryUrl: `http://${svc('tempo', monitoring)}:3100`,
} as const;

/** The IngressClass the AWS Load Balancer Controller serves. */
export const ALB_INGRESS_CLASS = 'alb';
