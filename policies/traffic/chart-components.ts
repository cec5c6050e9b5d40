/**
 * Pods that upstream Helm charts render (not in Git), as far as traffic is concerned: their labels
 * and ports at the pinned chart versions' defaults, the ports the control plane calls (admission
 * webhooks, aggregated APIs), whether they talk to the Kubernetes API, and the Ingress a chart
 * renders from its values. This is a record of the charts' templates, not of our generators: the
 * check compares it with the NetworkPolicies we generate. A chart not listed here has pods the check
 * cannot see: they are the "other pods" of their namespace.
 */
import { at, isTrue, str, type Dict } from '../engine/values.js';
import type { PodPort } from './endpoints.js';

export interface ChartPod {
  /** e.g. "admission-controller". */
  component: string;
  labels: Record<string, string>;
  ports: PodPort[];
  /** Names of the Services the chart renders for these pods (with our fullnameOverride). */
  services?: string[];
  /** Ports the API server calls on these pods (webhooks, aggregated APIs). */
  calledByControlPlane?: number[];
  /** Whether the pods call the Kubernetes API (controllers, operators). */
  callsApiServer?: boolean;
  /** Whether the pods fetch from Git and chart repositories (Argo CD's repo server). */
  fetchesSources?: boolean;
}

export interface ChartIngress {
  /** The pods the Ingress's backend Service selects, and the port it targets. */
  component: string;
  port: number;
  annotations: Dict;
}

export interface ChartRecord {
  pods: ChartPod[];
  /** The Ingress the chart renders with these values, if any. */
  ingress?: (values: Dict) => ChartIngress | undefined;
}

const tcp = (port: number, name?: string): PodPort => ({ port, protocol: 'TCP', ...(name ? { name } : {}) });
const named = (name: string) => ({ 'app.kubernetes.io/name': name });

export const CHART_RECORDS: Readonly<Record<string, ChartRecord>> = {
  // grafana/alloy 1.11.1: a Deployment (controller.type) that reads pod logs through the API server.
  alloy: {
    pods: [{ component: 'alloy', labels: named('alloy'), ports: [tcp(12345, 'http-metrics')], callsApiServer: true }],
  },
  'argo-cd': {
    pods: [
      { component: 'repo-server', labels: named('argocd-repo-server'), ports: [tcp(8081, 'repo-server')], fetchesSources: true },
      { component: 'application-controller', labels: named('argocd-application-controller'), ports: [tcp(8082, 'metrics')], callsApiServer: true },
      { component: 'server', labels: named('argocd-server'), ports: [tcp(8080, 'server')], callsApiServer: true },
    ],
  },
  atlantis: {
    pods: [{ component: 'server', labels: { app: 'atlantis' }, ports: [tcp(4141, 'atlantis')], services: ['atlantis'] }],
    ingress: (values) =>
      isTrue(at(values, 'ingress', 'enabled')) ? { component: 'server', port: 4141, annotations: (at(values, 'ingress', 'annotations') ?? {}) as Dict } : undefined,
  },
  'aws-load-balancer-controller': {
    pods: [{ component: 'controller', labels: named('aws-load-balancer-controller'), ports: [tcp(9443, 'webhook-server')], calledByControlPlane: [9443], callsApiServer: true }],
  },
  'cert-manager': {
    pods: [
      { component: 'controller', labels: { ...named('cert-manager'), 'app.kubernetes.io/component': 'controller' }, ports: [tcp(9402, 'http-metrics')], callsApiServer: true },
      { component: 'webhook', labels: { ...named('webhook'), 'app.kubernetes.io/component': 'webhook' }, ports: [tcp(10250, 'https')], calledByControlPlane: [10250], callsApiServer: true },
    ],
  },
  'external-secrets': {
    pods: [
      { component: 'controller', labels: named('external-secrets'), ports: [tcp(8080, 'metrics')], callsApiServer: true },
      { component: 'webhook', labels: named('external-secrets-webhook'), ports: [tcp(10250, 'webhook')], calledByControlPlane: [10250], callsApiServer: true },
    ],
  },
  'external-dns': {
    pods: [{ component: 'controller', labels: named('external-dns'), ports: [tcp(7979, 'http')], callsApiServer: true }],
  },
  karpenter: {
    pods: [{ component: 'controller', labels: named('karpenter'), ports: [tcp(8080, 'http-metrics')], callsApiServer: true }],
  },
  velero: {
    pods: [{ component: 'server', labels: named('velero'), ports: [tcp(8085, 'http-monitoring')], callsApiServer: true }],
  },
  kyverno: {
    pods: [{ component: 'admission-controller', labels: { 'app.kubernetes.io/component': 'admission-controller' }, ports: [tcp(9443, 'https')], calledByControlPlane: [9443], callsApiServer: true }],
  },
  'kube-prometheus-stack': {
    pods: [
      { component: 'prometheus', labels: named('prometheus'), ports: [tcp(9090, 'http-web')], services: ['kube-prometheus-stack-prometheus'], callsApiServer: true },
      { component: 'operator', labels: { app: 'kube-prometheus-stack-operator' }, ports: [tcp(10250, 'https')], calledByControlPlane: [10250], callsApiServer: true },
    ],
  },
  'metrics-server': {
    pods: [{ component: 'server', labels: named('metrics-server'), ports: [tcp(10250, 'https')], calledByControlPlane: [10250], callsApiServer: true }],
  },
  'prometheus-adapter': {
    pods: [{ component: 'adapter', labels: named('prometheus-adapter'), ports: [tcp(6443, 'https')], calledByControlPlane: [6443], callsApiServer: true }],
  },
  'opentelemetry-collector': {
    pods: [{ component: 'collector', labels: named('opentelemetry-collector'), ports: [tcp(4317, 'otlp'), tcp(4318, 'otlp-http')], services: ['opentelemetry-collector'] }],
  },
};

/** CoreDNS, an EKS add-on in kube-system: every pod resolves names through it. */
export const CLUSTER_DNS = {
  namespace: 'kube-system',
  labels: { 'k8s-app': 'kube-dns' },
  ports: [{ port: 53, protocol: 'UDP', name: 'dns' }, { port: 53, protocol: 'TCP', name: 'dns-tcp' }] as PodPort[],
};

export const chartName = (application: Dict): string | undefined => str(at(application, 'spec', 'source', 'chart'));
