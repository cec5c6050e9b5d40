/**
 * What the admission rules share: the ClusterPolicies an environment generates (read back from
 * its documents, so exactly what Kyverno will get), Kyverno's own namespace, the Argo CD
 * Applications that install upstream charts, and the rules whose logic judges one Pod spec.
 */
import type { KubeObject } from '../engine/kubernetes.js';
import { at, str } from '../engine/values.js';
import { dropAllCapabilities } from '../kubernetes/drop-all-capabilities.js';
import { noHostAccess } from '../kubernetes/no-host-access.js';
import { noPrivilegeEscalation } from '../kubernetes/no-privilege-escalation.js';
import { pinnedImages } from '../kubernetes/pinned-images.js';
import { probes } from '../kubernetes/probes.js';
import { readOnlyRootFilesystem } from '../kubernetes/read-only-root-filesystem.js';
import { resources } from '../kubernetes/resources.js';
import type { KubernetesRule } from '../kubernetes/rule.js';
import { runAsNonRoot } from '../kubernetes/run-as-non-root.js';
import { clusterPolicyName } from './cluster-policy.js';

/**
 * The rules that judge a workload by its own Pod spec, so a recorded Pod spec is enough. Not here:
 * K8S-009 (disruption budgets: needs the chart's PodDisruptionBudgets and HPAs), K8S-010 (a
 * namespace property, checked on the namespaces in Git) and K8S-011 (Secrets, not workloads).
 */
export const POD_SPEC_RULES: readonly KubernetesRule[] = [
  runAsNonRoot,
  noPrivilegeEscalation,
  readOnlyRootFilesystem,
  dropAllCapabilities,
  resources,
  probes,
  pinnedImages,
  noHostAccess,
];

/** The environment's generated ClusterPolicy for a rule, if it has one. */
export function clusterPolicyOf(objects: readonly KubeObject[], rule: KubernetesRule): KubeObject | undefined {
  return objects.find((o) => o.kind === 'ClusterPolicy' && o.apiVersion.startsWith('kyverno.io/') && o.name === clusterPolicyName(rule));
}

const isApplication = (o: KubeObject) => o.kind === 'Application' && o.apiVersion.startsWith('argoproj.io/');

/** An Argo CD Application that installs an upstream Helm chart. */
export interface ChartApplication {
  application: KubeObject;
  chart: string;
  version: string;
  releaseName: string;
  namespace: string;
  values: unknown;
}

export function chartApplications(objects: readonly KubeObject[]): ChartApplication[] {
  return objects.filter(isApplication).flatMap((application) => {
    const source = at(application.object, 'spec', 'source');
    const chart = str(at(source, 'chart'));
    if (chart === undefined) return [];
    return [
      {
        application,
        chart,
        version: str(at(source, 'targetRevision')) ?? '',
        releaseName: str(at(source, 'helm', 'releaseName')) ?? application.name,
        namespace: str(at(application.object, 'spec', 'destination', 'namespace')) ?? 'default',
        values: at(source, 'helm', 'valuesObject') ?? {},
      },
    ];
  });
}

/** Kyverno skips its own namespace (`excludeKyvernoNamespace: true`): the namespace its chart is installed into. */
export function kyvernoNamespace(objects: readonly KubeObject[]): string | null {
  return chartApplications(objects).find((a) => a.chart === 'kyverno')?.namespace ?? null;
}
