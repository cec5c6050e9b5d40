/**
 * Turns a Kubernetes rule into the Kyverno ClusterPolicy of one environment: same id, same
 * checks, the environment's failure action, and exclusions for the EKS system namespaces and for
 * the environment's exceptions to that rule, so an exception granted in Git also holds at
 * admission (and nothing else does).
 */
import type { PolicyException, Tier } from '../../environments/types.js';
import type { KubernetesRule } from '../kubernetes/rule.js';
import { POD_SPEC_PATHS, SYSTEM_NAMESPACES } from '../kubernetes/workloads.js';
import type { FailureAction, ResourceFilter } from './kyverno.js';

/**
 * Development environments audit (violations show in PolicyReports and `kubectl` warnings, nothing
 * is blocked), so upstream charts and experiments surface their violations before they reach an
 * enforcing environment; pre-production and production enforce.
 */
export function admissionMode(tier: Tier): FailureAction {
  return tier === 'development' ? 'Audit' : 'Enforce';
}

export const clusterPolicyName = (rule: KubernetesRule) => `${rule.id.toLowerCase()}-${rule.admission.name}`;

/** Controller kinds whose Pods are named `<name>-<suffix>`. */
const CONTROLLERS = Object.keys(POD_SPEC_PATHS).filter((k) => k !== 'Pod');

/**
 * The Kyverno filters an exception stands for. `Kind/namespace/name` excludes that object, and for
 * a Pod controller also its Pods (`<name>-*`, and a CronJob's Jobs); `Namespace/<name>` excludes the whole namespace
 * from this rule; `Kind/name` a cluster-scoped object.
 */
export function exceptionFilters(exception: PolicyException): ResourceFilter[] {
  const parts = exception.resource.split('/');
  if (parts.length === 2 && parts[0] === 'Namespace') return [{ resources: { namespaces: [parts[1]!] } }];
  if (parts.length === 2) return [{ resources: { kinds: [parts[0]!], names: [parts[1]!] } }];
  if (parts.length !== 3) return [];
  const [kind, namespace, name] = parts as [string, string, string];
  const object: ResourceFilter = { resources: { kinds: [kind], namespaces: [namespace], names: [name] } };
  if (!CONTROLLERS.includes(kind)) return [object];
  // What the controller creates is admitted too: its Pods, and for a CronJob its Jobs (`<name>-<time>`).
  const created = kind === 'CronJob' ? ['Job', 'Pod'] : ['Pod'];
  return [object, { resources: { kinds: created, namespaces: [namespace], names: [`${name}-*`] } }];
}

export interface PolicyEnvironment {
  name: string;
  tier: Tier;
  policyExceptions: PolicyException[];
}

export function clusterPolicy(rule: KubernetesRule, env: PolicyEnvironment): Record<string, unknown> {
  const exclusions: ResourceFilter[] = [
    { resources: { namespaces: [...SYSTEM_NAMESPACES] } },
    ...env.policyExceptions.filter((e) => e.rule === rule.id).flatMap(exceptionFilters),
  ];
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: {
      name: clusterPolicyName(rule),
      annotations: {
        'policies.kyverno.io/title': `${rule.id} ${rule.title}`,
        'policies.kyverno.io/category': 'Platform policies',
        'policies.kyverno.io/severity': rule.severity === 'error' ? 'high' : 'medium',
        'policies.kyverno.io/subject': rule.admission.subject,
        'policies.kyverno.io/description': `${rule.checks} Why: ${rule.why} Fix: ${rule.fix}`,
        // Every Pod-bearing kind is written out explicitly (see admission/kyverno.ts).
        'pod-policies.kyverno.io/autogen-controllers': 'none',
      },
    },
    spec: {
      admission: true,
      background: rule.admission.background,
      rules: rule.admission.rules.map((r) => ({
        ...r,
        exclude: { any: [...(r.exclude?.any ?? []), ...exclusions] },
        validate: { ...r.validate, failureAction: admissionMode(env.tier) },
      })),
    },
  };
}
