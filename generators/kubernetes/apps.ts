/**
 * The cluster-apps contract (generators/cluster-apps.ts) for one environment: every manifest app
 * this generator writes under generated/kubernetes/<env>/<app>/ and every Helm release, with the
 * order they must sync in (`dependsOn`: namespaces, CRDs and operators before what needs them).
 *
 * ```mermaid
 * flowchart LR
 *   baseline --> external-secrets --> cluster-secret-store
 *   external-secrets --> monitoring --> kube-prometheus-stack
 *   kube-prometheus-stack --> services[one app per service]
 *   cluster-secret-store --> services
 *   kube-prometheus-stack --> prometheus-adapter --> services
 *   aws-load-balancer-controller --> api-gateway
 *   karpenter --> karpenter-node-pools
 *   cert-manager --> cert-manager-issuers
 * ```
 */
import type { ClusterApps, ManifestApp } from '../cluster-apps.js';
import type { ResolvedEnvironment, ResolvedService } from '../model/types.js';
import { naming } from '../naming.js';
import { startupCalls } from '../model/startup-order.js';
import { addonReleases } from './addons/index.js';
import { BASELINE_APP, baselineManifests } from './baseline/index.js';
import type { Manifest } from './chart.js';
import { ISSUERS_APP, issuerManifests } from './issuers.js';
import { MONITORING_APP, monitoringManifests } from './monitoring/index.js';
import { NODE_POOLS_APP, nodePoolManifests } from './node-pools/index.js';
import { SECRET_STORE_APP, secretStoreManifests } from './secret-store.js';
import { KAFKA_TOPICS_APP, kafkaTopicsManifests } from './kafka-topics/index.js';
import { kyvernoPoliciesApp } from './kyverno-policies.js';
import { serviceManifests } from './service/index.js';

/** A manifest app with what it takes to generate it. */
export interface ManifestAppSource extends Omit<ManifestApp, 'path'> {
  /** Files named in the generated headers. */
  sources: string[];
  manifests(): Manifest[];
}

/** What a service needs before it can sync: namespaces and quotas, the secret store, the CRDs and
 * metrics its objects use, the ALB controller for an Ingress, and, for a gateway, the services it
 * calls (its nginx resolves its upstreams at start; other calls are retried at run time, so two
 * services may call each other: generators/model/startup-order.ts). */
export function serviceDependencies(service: ResolvedService): string[] {
  return [
    BASELINE_APP,
    'external-secrets',
    SECRET_STORE_APP,
    'kube-prometheus-stack',
    ...(service.autoscaling.targetRequestsPerSecond > 0 ? ['prometheus-adapter'] : []),
    ...(service.kind === 'gateway' ? ['aws-load-balancer-controller'] : []),
    // Brokers never auto-create topics: the platform's Job creates them first.
    ...(service.dependencies.topics.length > 0 ? [KAFKA_TOPICS_APP] : []),
    ...startupCalls(service),
  ].sort();
}

export function manifestAppSources(env: ResolvedEnvironment): ManifestAppSource[] {
  const platformApp = { project: naming.argocdPlatformProject, hpaManagedReplicas: false, serverSideApply: false };
  return [
    {
      ...platformApp,
      name: BASELINE_APP,
      namespace: naming.namespaces.system,
      dependsOn: [],
      sources: [env.file, 'generators/kubernetes/baseline'],
      manifests: () => baselineManifests(env),
    },
    {
      ...platformApp,
      name: SECRET_STORE_APP,
      namespace: naming.namespaces.system,
      dependsOn: ['external-secrets'],
      sources: [env.file, 'generators/kubernetes/secret-store.ts'],
      manifests: () => secretStoreManifests(env),
    },
    {
      ...platformApp,
      name: KAFKA_TOPICS_APP,
      namespace: naming.namespaces.data,
      // Its ExternalSecret needs the store; its Job the namespace and quota.
      dependsOn: [BASELINE_APP, 'external-secrets', SECRET_STORE_APP],
      sources: [env.file, ...env.services.filter((s) => s.dependencies.topics.length > 0).map((s) => s.file), 'generators/kubernetes/kafka-topics'],
      manifests: () => kafkaTopicsManifests(env),
    },
    {
      ...platformApp,
      name: MONITORING_APP,
      namespace: naming.namespaces.monitoring,
      // The Grafana admin secret comes from the operator's password generator (no store needed).
      dependsOn: [BASELINE_APP, 'external-secrets'],
      sources: [env.file, ...env.services.map((s) => s.file), 'generators/kubernetes/monitoring'],
      manifests: () => monitoringManifests(env),
    },
    {
      ...platformApp,
      name: NODE_POOLS_APP,
      namespace: naming.namespaces.system,
      dependsOn: ['karpenter'],
      sources: [env.file, 'environments/versions.ts', 'generators/kubernetes/node-pools'],
      manifests: () => nodePoolManifests(env),
    },
    {
      ...platformApp,
      name: ISSUERS_APP,
      namespace: naming.namespaces.system,
      dependsOn: ['cert-manager'],
      sources: [env.file, 'generators/kubernetes/issuers.ts'],
      manifests: () => issuerManifests(env),
    },
    ...env.services.map((service) => ({
      name: service.name,
      namespace: naming.serviceAccount(service.name).namespace,
      project: service.team,
      dependsOn: serviceDependencies(service),
      hpaManagedReplicas: true,
      serverSideApply: false,
      sources: [service.file, env.file, 'generators/kubernetes/service'],
      manifests: () => serviceManifests(env, service),
    })),
  ];
}

export function clusterApps(env: ResolvedEnvironment): ClusterApps {
  return {
    manifests: [
      ...manifestAppSources(env).map(({ sources: _sources, manifests: _manifests, ...app }) => ({ ...app, path: naming.kubernetesDir(env.name, app.name) })),
      // The Kubernetes policy rules as Kyverno ClusterPolicies (generators/kubernetes/kyverno-policies.ts).
      kyvernoPoliciesApp(env),
    ],
    releases: addonReleases(env),
  };
}
