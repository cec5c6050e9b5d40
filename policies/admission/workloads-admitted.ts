/**
 * ADM-002: every workload Argo CD applies, and every object the cluster creates from it, passes the
 * environment's Kyverno policies or is excluded by a dated exception. Judged with the generated
 * ClusterPolicies themselves (failure action, match and exclude) and the Kubernetes rules' own
 * logic on the Pod spec, for:
 * - workloads rendered by upstream charts, from their records (policies/admission/charts/), which
 *   synth never sees otherwise;
 * - workloads in Git, for the objects their controllers create (Pods, a CronJob's Jobs): a
 *   violation of the workload itself is already the Kubernetes rule's finding, but an exception
 *   that excludes the workload and not what it creates leaves those objects rejected.
 */
import { POD_SPEC_PATHS } from '../kubernetes/workloads.js';
import { kubeResource, type KubeObject } from '../engine/kubernetes.js';
import type { EnvironmentDocuments, Finding, Rule } from '../engine/types.js';
import { chartApplications, clusterPolicyOf, kyvernoNamespace, POD_SPEC_RULES } from './admission-view.js';
import { clusterPolicyName } from './cluster-policy.js';
import type { ChartRecord, RecordedWorkload } from './charts/record.js';
import { chartRecords } from './charts/index.js';
import { admittedObjects, applyingActions, kyvernoInspects, type AdmittedObject } from './kyverno-match.js';
import { nest } from './kyverno.js';

const API_VERSIONS: Record<RecordedWorkload['kind'], string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

/** A recorded workload as the object the rules read, attributed to the Application that installs it. */
export function recordedObject(file: string, namespace: string, workload: RecordedWorkload): KubeObject {
  const { kind, name, podSpec } = workload;
  return {
    file,
    index: 0,
    apiVersion: API_VERSIONS[kind],
    kind,
    name,
    namespace,
    resource: kubeResource(kind, namespace, name),
    object: { apiVersion: API_VERSIONS[kind], kind, metadata: { name, namespace }, ...nest(POD_SPEC_PATHS[kind], podSpec) },
  };
}

interface Candidate {
  object: KubeObject;
  /** Where it comes from, for the message. */
  origin: string;
  /** Git workloads: only what the cluster creates from them is this rule's concern. */
  createdOnly: boolean;
}

/** Each Pod-spec rule with the environment's ClusterPolicy for it (looked up once per environment, not per workload). */
type EnforcedRules = readonly { rule: (typeof POD_SPEC_RULES)[number]; policy: KubeObject }[];

function enforcedRules(objects: readonly KubeObject[]): EnforcedRules {
  return POD_SPEC_RULES.flatMap((rule) => {
    const policy = clusterPolicyOf(objects, rule);
    return policy ? [{ rule, policy }] : [];
  });
}

function judge(documents: EnvironmentDocuments, candidate: Candidate, kyverno: string | null, rules: EnforcedRules): Finding[] {
  const { object } = candidate;
  // One view of the candidate alone for every rule: the rules share its workload reading (kubernetes/workloads.ts caches it per object list).
  const alone: EnvironmentDocuments = { ...documents, kubernetes: [object] };
  return rules.flatMap(({ rule, policy }): Finding[] => {
    const problems = rule.check(alone);
    if (problems.length === 0) return [];
    const objects = admittedObjects(object.kind, object.namespace, object.name).filter((o) => kyvernoInspects(o, kyverno));
    const enforced = (o: AdmittedObject) => applyingActions(policy.object, o).includes('Enforce');
    if (candidate.createdOnly && objects.some((o) => o.kind === object.kind && o.name === object.name && enforced(o))) return [];
    const rejected = objects.find((o) => (!candidate.createdOnly || o.kind !== object.kind || o.name !== object.name) && enforced(o));
    if (!rejected) return [];
    const what = rejected.kind === object.kind && rejected.name === object.name ? object.kind : `${rejected.kind} ${rejected.name} it creates`;
    return [
      {
        file: object.file,
        resource: object.resource,
        message: `${candidate.origin}: Kyverno policy ${clusterPolicyName(rule)} (Enforce) rejects the ${what}: ${problems.map((p) => p.message).join('; ')}`,
      },
    ];
  });
}

export function workloadsAdmittedRule(records: readonly ChartRecord[]): Rule {
  return {
    id: 'ADM-002',
    severity: 'error',
    area: 'admission',
    title: 'Everything Argo CD applies passes admission',
    checks:
      'Each workload an upstream chart renders (as recorded for the pinned version), and each Pod or Job the cluster creates from a workload in Git, passes the environment\'s generated Kyverno ClusterPolicies (K8S-001 to K8S-008) wherever they enforce: same failure action, match and exclude as the ClusterPolicy, same logic as the Kubernetes rule.',
    why: 'Kyverno in Enforce mode rejects a non-compliant Pod at admission: the add-on never starts and its Application never gets healthy, yet every file in Git looked valid.',
    fix: 'Harden the chart values (securityContext, podSecurityContext, an emptyDir for writable paths) and re-record; where the chart cannot, add a dated exception to that K8S rule for the workload; give a CronJob exception its own reason to cover the Jobs it creates.',
    check: (documents) => {
      const kyverno = kyvernoNamespace(documents.kubernetes);
      const fromCharts: Candidate[] = chartApplications(documents.kubernetes).flatMap((app) => {
        const record = records.find((r) => r.chart === app.chart && r.version === app.version);
        return (record?.workloads ?? []).map((w) => ({
          object: recordedObject(app.application.file, app.namespace, w),
          origin: `chart ${app.chart} ${app.version} (${w.createdBy ? `created by ${w.createdBy}, ` : ''}${w.template})`,
          createdOnly: false,
        }));
      });
      const fromGit: Candidate[] = documents.kubernetes
        .filter((o) => Object.hasOwn(POD_SPEC_PATHS, o.kind) && o.kind !== 'Pod')
        .map((object) => ({ object, origin: `${object.kind} in Git`, createdOnly: true }));
      const rules = enforcedRules(documents.kubernetes);
      return [...fromCharts, ...fromGit].flatMap((c) => judge(documents, c, kyverno, rules));
    },
  };
}

export const workloadsAdmitted = workloadsAdmittedRule(chartRecords);
