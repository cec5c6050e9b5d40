/**
 * The Kubernetes policy rules as Kyverno ClusterPolicies, one file per rule in
 * generated/kubernetes/<env>/kyverno-policies/, deployed by Argo CD after the Kyverno add-on.
 */
import type { ManifestApp } from '../cluster-apps.js';
import type { EnvironmentGenerator } from '../generator.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { clusterPolicy, clusterPolicyName } from '../../policies/admission/cluster-policy.js';
import { kubernetesRules } from '../../policies/index.js';

const GENERATOR = 'kubernetes/kyverno-policies';
export const KYVERNO_POLICIES_APP = 'kyverno-policies';

export const kyvernoPoliciesGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env) =>
    kubernetesRules.map((rule) => ({
      path: `${naming.kubernetesDir(env.name, KYVERNO_POLICIES_APP)}/${clusterPolicyName(rule)}.yaml`,
      environment: env.name,
      generator: GENERATOR,
      // The environment file holds the exceptions that become exclusions.
      sources: [env.file, 'policies/kubernetes/', 'policies/admission/cluster-policy.ts'],
      content: { format: 'yaml', documents: [clusterPolicy(rule, env)] },
    })),
};

/** The Argo CD app for these policies (cluster-scoped objects; the namespace is only the app's default). */
export function kyvernoPoliciesApp(env: ResolvedEnvironment): ManifestApp {
  return {
    name: KYVERNO_POLICIES_APP,
    path: naming.kubernetesDir(env.name, KYVERNO_POLICIES_APP),
    namespace: naming.namespaces.system,
    project: naming.argocdPlatformProject,
    dependsOn: ['kyverno'],
    hpaManagedReplicas: false,
    serverSideApply: false,
  };
}
