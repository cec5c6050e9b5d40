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

/** Atlantis (runatlantis chart): the labels its StatefulSet puts on its pod, and the port it serves. */
export const ATLANTIS = {
  pods: { app: 'atlantis' },
  port: 4141,
} as const;

/**
 * Ports on which the control plane calls the add-ons of each namespace: admission webhooks and
 * aggregated APIs, at the defaults of the pinned charts (cert-manager, External Secrets and the
 * Prometheus operator serve webhooks on 10250, the load balancer controller and Kyverno on 9443,
 * metrics-server its API on 10250, prometheus-adapter on 6443).
 */
export const CONTROL_PLANE_PORTS: Readonly<Record<string, readonly number[]>> = {
  [naming.namespaces.system]: [9443, 10250],
  [naming.namespaces.policy]: [9443],
  [naming.namespaces.monitoring]: [6443, 10250],
};
