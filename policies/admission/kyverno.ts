/**
 * The Kyverno (kyverno.io/v1 ClusterPolicy, Kyverno 1.13+) shapes Kubernetes rules use to state
 * their admission-time twin, and helpers that spell one Pod check out for every Pod-bearing kind.
 *
 * Kyverno's auto-generation of controller rules is switched off (it is skipped anyway as soon as a
 * rule excludes by name, which exceptions do): each check is written out explicitly for Pods, for
 * the controllers with `spec.template`, and for CronJobs.
 */
import { ALL_CONTAINER_LISTS, POD_SPEC_PATHS, SERVICE_KINDS, type ContainerList, type PodKind } from '../kubernetes/workloads.js';

export type FailureAction = 'Audit' | 'Enforce';

export interface Condition {
  key: unknown;
  operator: string;
  value?: unknown;
  message?: string;
}

export interface Conditions {
  any?: Condition[];
  all?: Condition[];
}

export interface ResourceFilter {
  resources?: { kinds?: string[]; names?: string[]; namespaces?: string[]; operations?: string[] };
  subjects?: { kind: 'ServiceAccount' | 'User' | 'Group'; name: string; namespace?: string }[];
}

export interface ContextEntry {
  name: string;
  apiCall?: { urlPath: string; jmesPath?: string; default?: unknown };
  variable?: { value?: unknown; jmesPath?: string; default?: unknown };
}

export interface ForEach {
  list: string;
  pattern?: unknown;
  deny?: { conditions: Conditions };
}

export interface KyvernoValidate {
  message: string;
  pattern?: unknown;
  anyPattern?: unknown[];
  deny?: { conditions: Conditions };
  foreach?: ForEach[];
}

export interface KyvernoRule {
  name: string;
  match: { any: ResourceFilter[] };
  exclude?: { any: ResourceFilter[] };
  context?: ContextEntry[];
  preconditions?: Conditions;
  validate: KyvernoValidate;
}

/** A Kubernetes rule's admission twin; the generator adds failure action and exclusions. */
export interface AdmissionPolicy {
  /** Name of the ClusterPolicy after the rule id, e.g. run-as-non-root → k8s-001-run-as-non-root. */
  name: string;
  /** Whether Kyverno also reports on existing objects (false where the rule needs request data or API lookups). */
  background: boolean;
  /** Kinds it concerns, for the policy's `policies.kyverno.io/subject` annotation. */
  subject: string;
  rules: KyvernoRule[];
}

/** Skips DELETE requests (no object to check); background scans report as BACKGROUND. */
export const NOT_DELETE: Condition = { key: "{{ request.operation || 'BACKGROUND' }}", operator: 'NotEquals', value: 'DELETE' };

/** Groups of Pod-bearing kinds that share a Pod spec path. */
const POD_KIND_GROUPS: { suffix: string; kinds: PodKind[] }[] = [
  { suffix: 'pods', kinds: ['Pod'] },
  { suffix: 'controllers', kinds: ['DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'StatefulSet'] },
  { suffix: 'cronjobs', kinds: ['CronJob'] },
];

/** Nests a value under a dotted path: ('spec.template.spec', x) → { spec: { template: { spec: x } } }. */
export function nest(path: string, value: unknown): Record<string, unknown> {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

export function matchKinds(kinds: readonly string[]): KyvernoRule['match'] {
  return { any: [{ resources: { kinds: [...kinds] } }] };
}

export interface PodCheckOptions {
  /** Only these kinds (e.g. long-running workloads); default: every Pod-bearing kind. */
  kinds?: readonly PodKind[];
  preconditions?: Condition[];
}

/**
 * One Kyverno rule per kind group for a check on the Pod spec. `validate` receives the dotted path
 * of the Pod spec in that kind (`spec`, `spec.template.spec`, …).
 */
export function podSpecRules(name: string, validate: (specPath: string) => KyvernoValidate, options: PodCheckOptions = {}): KyvernoRule[] {
  const wanted = options.kinds ?? (Object.keys(POD_SPEC_PATHS) as PodKind[]);
  return POD_KIND_GROUPS.flatMap(({ suffix, kinds }) => {
    const selected = kinds.filter((k) => wanted.includes(k));
    if (selected.length === 0) return [];
    return [
      {
        name: `${name}-${suffix}`,
        match: matchKinds(selected),
        preconditions: { all: [NOT_DELETE, ...(options.preconditions ?? [])] },
        validate: validate(POD_SPEC_PATHS[selected[0]!]),
      },
    ];
  });
}

/** Kinds of long-running workloads, for checks that do not concern Jobs. */
export const SERVICE_POD_KINDS: readonly PodKind[] = [...SERVICE_KINDS, 'Pod'];

/** Bare Pods only (not those a controller created): `ownerReferences` is empty. */
export const BARE_POD: Condition = {
  key: '{{ length(request.object.metadata.ownerReferences || `[]`) }}',
  operator: 'Equals',
  value: 0,
};

/** A foreach over every container list of the Pod spec at `specPath`. */
export function eachContainer(specPath: string, lists = '[ephemeralContainers, initContainers, containers]'): string {
  return `request.object.${specPath}.${lists}[]`;
}

/**
 * A pattern applying `entry` to every container of the listed kinds: `containers` must exist, the
 * other lists are optional (`=(initContainers)`), as in Kyverno's Pod Security samples.
 */
export function everyContainer(entry: unknown, lists: readonly ContainerList[] = ALL_CONTAINER_LISTS): Record<string, unknown[]> {
  return Object.fromEntries(lists.map((l) => [l === 'containers' ? l : `=(${l})`, [entry]]));
}
