/**
 * REPLACED BY THE KUBERNETES GENERATORS AT MERGE. A minimal but real `clusterApps(env)` so the
 * Argo CD generator has something to deploy on this branch: the baseline app, one app per service
 * and one Helm release per add-on (Atlantis only where the environment hosts the platform
 * tooling). The Kubernetes branch owns this function and the manifests behind each path; the
 * `argo-cd` and `atlantis` release values stay empty here because generators/argocd fills them.
 */
import { charts } from '../../environments/versions.js';
import { ADDON_NAMES, type AddonName } from '../../environments/types.js';
import type { ClusterApps, HelmRelease, ManifestApp } from '../cluster-apps.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { AWS_IDENTITIES, naming } from '../naming.js';
import { kyvernoPoliciesApp } from './kyverno-policies.js';

const BASELINE = 'baseline';
const MONITORING_ADDONS: readonly AddonName[] = ['kube-prometheus-stack', 'loki', 'opentelemetry-collector', 'promtail', 'tempo'];
const LARGE_CRD_ADDONS: readonly AddonName[] = ['argo-cd', 'kube-prometheus-stack', 'kyverno'];

function addonNamespace(name: AddonName): string {
  if (name === 'argo-cd') return naming.argocdNamespace;
  if (name in AWS_IDENTITIES) return AWS_IDENTITIES[name as keyof typeof AWS_IDENTITIES].namespace;
  return MONITORING_ADDONS.includes(name) ? naming.namespaces.monitoring : naming.namespaces.system;
}

function release(env: ResolvedEnvironment, name: AddonName): HelmRelease {
  return {
    name,
    namespace: addonNamespace(name),
    project: naming.argocdPlatformProject,
    chart: charts[name],
    version: env.addons[name],
    values: {},
    // Argo CD installs into its own namespace and must come first; the rest need the baseline namespaces.
    dependsOn: name === 'argo-cd' ? [] : name === 'atlantis' ? [BASELINE, 'external-secrets'] : [BASELINE],
    serverSideApply: LARGE_CRD_ADDONS.includes(name),
  };
}

export function clusterApps(env: ResolvedEnvironment): ClusterApps {
  const baseline: ManifestApp = {
    name: BASELINE,
    path: naming.kubernetesDir(env.name, BASELINE),
    namespace: naming.namespaces.system,
    project: naming.argocdPlatformProject,
    dependsOn: [],
    hpaManagedReplicas: false,
    serverSideApply: false,
  };
  const services: ManifestApp[] = env.services.map((service) => ({
    name: service.name,
    path: naming.kubernetesDir(env.name, service.name),
    namespace: naming.serviceAccount(service.name).namespace,
    project: service.team,
    // ExternalSecret and ServiceMonitor CRDs come from these add-ons.
    dependsOn: [BASELINE, 'external-secrets', 'kube-prometheus-stack'],
    hpaManagedReplicas: true,
    serverSideApply: false,
  }));
  const addons = ADDON_NAMES.filter((name) => name !== 'atlantis' || env.hostsPlatformTooling);
  // The Kubernetes policy rules as Kyverno ClusterPolicies (keep this app when replacing this file).
  return { manifests: [baseline, ...services, kyvernoPoliciesApp(env)], releases: addons.map((name) => release(env, name)) };
}
