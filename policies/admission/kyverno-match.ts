/**
 * Which generated ClusterPolicy rules Kyverno applies to an object, read from the ClusterPolicy
 * documents themselves (match/exclude with kinds, namespaces and names, `*` and `?` wildcards as
 * Kyverno matches them), plus what Kyverno skips before any policy runs with this project's chart
 * values (kyverno chart 3.9.0 values.yaml: `config.resourceFilters` and `excludeKyvernoNamespace`; unchanged in meaning since 3.4.1).
 */
import { at, dict, isDict, list, str, strings } from '../engine/values.js';
import { SYSTEM_NAMESPACES } from '../kubernetes/workloads.js';
import type { FailureAction } from './kyverno.js';

/** An object as admission sees it. */
export interface AdmittedObject {
  kind: string;
  namespace: string | null;
  name: string;
}

/** Kinds the chart's default `config.resourceFilters` skip (`[ReplicaSet,*,*]`, `[Pod/binding,*,*]`, …) that Pod controllers create. */
export const KYVERNO_SKIPPED_KINDS: readonly string[] = ['ReplicaSet'];

/** Kyverno's wildcards: `*` any run of characters, `?` one character. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}

/** A Kyverno `kinds` entry may be `Kind`, `group/version/Kind` or `version/Kind`: the kind is last. */
const kindOf = (entry: string) => entry.split('/').at(-1)!;

/** Every condition a resource filter states holds for the object (subjects are not modelled: Argo CD applies as itself). */
export function filterMatches(filter: unknown, object: AdmittedObject): boolean {
  const resources = dict(at(filter, 'resources'));
  if (!isDict(at(filter, 'resources'))) return false;
  const kinds = strings(resources.kinds);
  const namespaces = strings(resources.namespaces);
  const names = strings(resources.names);
  const name = str(resources.name);
  if (kinds.length > 0 && !kinds.some((k) => wildcardMatch(kindOf(k), object.kind))) return false;
  if (namespaces.length > 0 && (object.namespace === null || !namespaces.some((n) => wildcardMatch(n, object.namespace!)))) return false;
  if (names.length > 0 && !names.some((n) => wildcardMatch(n, object.name))) return false;
  if (name !== undefined && !wildcardMatch(name, object.name)) return false;
  return true;
}

/** The failure actions of the policy's rules that apply to the object (matched and not excluded). */
export function applyingActions(policy: unknown, object: AdmittedObject): FailureAction[] {
  return list(at(policy, 'spec', 'rules')).flatMap((rule) => {
    const matched = list(at(rule, 'match', 'any')).some((f) => filterMatches(f, object)) || list(at(rule, 'match', 'all')).length > 0 && list(at(rule, 'match', 'all')).every((f) => filterMatches(f, object));
    const excluded = list(at(rule, 'exclude', 'any')).some((f) => filterMatches(f, object));
    const action = str(at(rule, 'validate', 'failureAction'));
    return matched && !excluded && (action === 'Enforce' || action === 'Audit') ? [action] : [];
  });
}

/** Whether Kyverno looks at the object at all: not in a system namespace, not its own, not a filtered kind. */
export function kyvernoInspects(object: AdmittedObject, kyvernoNamespace: string | null): boolean {
  if (KYVERNO_SKIPPED_KINDS.includes(object.kind)) return false;
  if (object.namespace !== null && (SYSTEM_NAMESPACES as readonly string[]).includes(object.namespace)) return false;
  return object.namespace === null || object.namespace !== kyvernoNamespace;
}

/**
 * The objects admission sees for one workload: the workload itself and what the cluster creates
 * from it, with names of the shape the controllers give them (Deployment `x` → ReplicaSet
 * `x-<hash>` → Pod `x-<hash>-<id>`; CronJob `x` → Job `x-<time>` → Pod; StatefulSet `x` → Pod `x-0`).
 */
export function admittedObjects(kind: string, namespace: string | null, name: string): AdmittedObject[] {
  const object = (k: string, n: string): AdmittedObject => ({ kind: k, namespace, name: n });
  switch (kind) {
    case 'Deployment':
      return [object(kind, name), object('ReplicaSet', `${name}-5d8f9c7b6`), object('Pod', `${name}-5d8f9c7b6-x2x7q`)];
    case 'CronJob':
      return [object(kind, name), object('Job', `${name}-29000000`), object('Pod', `${name}-29000000-x2x7q`)];
    case 'StatefulSet':
      return [object(kind, name), object('Pod', `${name}-0`)];
    case 'DaemonSet':
    case 'Job':
      return [object(kind, name), object('Pod', `${name}-x2x7q`)];
    default:
      return [object(kind, name)];
  }
}
