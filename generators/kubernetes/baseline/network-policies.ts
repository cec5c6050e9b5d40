/**
 * Namespace-wide NetworkPolicies: every namespace denies all traffic by default, then allows only
 * what the whole namespace needs. Workload-specific allows (the gateway's callers, a service's data
 * endpoints) belong to each service app, derived from its declared dependencies.
 */
import type { Construct } from 'constructs';
import type { PlatformNamespace } from '../../../environments/types.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { ATLANTIS, CONTROL_PLANE_PORTS, OTEL_COLLECTOR, PROMETHEUS } from '../addons/endpoints.js';
import { ANYWHERE, cidrPeers, dnsEgress, namespacePeer, networkPolicy, tcp, type PolicyProps } from '../network-policy.js';

export const DEFAULT_DENY = 'default-deny';
const KUBELET_PORT = 10250;
const HTTPS = 443;

type NamespacePolicy = Omit<PolicyProps, 'namespace'>;

/** Every namespace: default deny, DNS, and Prometheus scraping (monitoring allows its own traffic below). */
function common(namespace: PlatformNamespace): NamespacePolicy[] {
  const policies: NamespacePolicy[] = [
    { name: DEFAULT_DENY, ingress: [], egress: [] },
    { name: 'allow-dns', egress: [dnsEgress] },
  ];
  if (namespace !== naming.namespaces.monitoring) {
    policies.push({ name: 'allow-prometheus-scrape', ingress: [{ from: [namespacePeer(PROMETHEUS.namespace, PROMETHEUS.pods)] }] });
  }
  return policies;
}

/** Workload namespaces export traces to the OpenTelemetry collector, over OTLP/gRPC (the endpoint services are given). */
const otlpExport: NamespacePolicy = {
  name: 'allow-otlp-export',
  egress: [{ to: [namespacePeer(OTEL_COLLECTOR.namespace, OTEL_COLLECTOR.pods)], ports: tcp(OTEL_COLLECTOR.grpcPort) }],
};

/**
 * Add-on namespaces: components of one add-on talk to each other, to AWS APIs and the Kubernetes API
 * (HTTPS), and the control plane reaches their admission webhooks and aggregated APIs. The control
 * plane's interfaces sit in the cluster's (private) subnets, where every pod lives too, so the allow
 * is limited to the webhook ports: a subnet-wide allow would open the namespace to every pod.
 */
function addonNamespace(env: ResolvedEnvironment, namespace: PlatformNamespace): NamespacePolicy[] {
  return [
    { name: 'allow-same-namespace', ingress: [{ from: [{ podSelector: {} }] }], egress: [{ to: [{ podSelector: {} }] }] },
    { name: 'allow-https-egress', egress: [{ to: [ANYWHERE], ports: tcp(HTTPS) }] },
    { name: 'allow-from-control-plane', ingress: [{ from: cidrPeers(env.network.subnets.private), ports: tcp(...(CONTROL_PLANE_PORTS[namespace] ?? [])) }] },
  ];
}

/** Atlantis's ALB (internet-facing, target type ip) reaches its pod from the load balancer's public subnets. */
function atlantisFromLoadBalancer(env: ResolvedEnvironment): NamespacePolicy[] {
  if (!env.hostsPlatformTooling) return [];
  return [{ name: 'allow-atlantis-from-load-balancer', pods: ATLANTIS.pods, ingress: [{ from: cidrPeers(env.network.subnets.public), ports: tcp(ATLANTIS.port) }] }];
}

function policiesFor(namespace: PlatformNamespace, env: ResolvedEnvironment): NamespacePolicy[] {
  const { postgres, redis, kafka } = naming.dataPorts;
  switch (namespace) {
    case 'platform-apps':
      return [...common(namespace), otlpExport];
    case 'platform-data':
      return [
        ...common(namespace),
        otlpExport,
        { name: 'allow-data-endpoints', egress: [{ to: cidrPeers(env.network.subnets.database), ports: tcp(postgres, redis, kafka) }] },
      ];
    case 'platform-system':
      return [
        ...common(namespace),
        ...addonNamespace(env, namespace),
        ...atlantisFromLoadBalancer(env),
        // metrics-server reads the kubelets' resource metrics.
        { name: 'allow-kubelet-egress', egress: [{ to: cidrPeers(env.network.subnets.private), ports: tcp(KUBELET_PORT) }] },
      ];
    case 'platform-policy':
      // Kyverno: admission webhooks called by the control plane, the Kubernetes API over HTTPS.
      return [...common(namespace), ...addonNamespace(env, namespace)];
    case 'platform-monitoring':
      return [
        ...common(namespace),
        ...addonNamespace(env, namespace),
        // Prometheus scrapes every namespace and node.
        { name: 'allow-prometheus-scrape-egress', pods: PROMETHEUS.pods, egress: [{}] },
        // MSK open monitoring, named on its own so it stays when the scrape egress above is narrowed.
        {
          name: 'allow-prometheus-msk-exporters',
          pods: PROMETHEUS.pods,
          egress: [{ to: cidrPeers(env.network.subnets.database), ports: tcp(naming.kafkaExporterPorts.jmx, naming.kafkaExporterPorts.node) }],
        },
        {
          name: 'allow-otlp-from-cluster',
          pods: OTEL_COLLECTOR.pods,
          ingress: [{ from: [{ namespaceSelector: {} }], ports: tcp(OTEL_COLLECTOR.grpcPort, OTEL_COLLECTOR.httpPort) }],
        },
      ];
  }
}

export function addNamespacePolicies(scope: Construct, env: ResolvedEnvironment, namespace: PlatformNamespace): void {
  for (const policy of policiesFor(namespace, env)) {
    networkPolicy(scope, `network-policy-${namespace}-${policy.name}`, { ...policy, namespace });
  }
}
