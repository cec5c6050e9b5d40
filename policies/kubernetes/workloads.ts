/**
 * What the Kubernetes rules share: which objects carry a Pod template and where, the containers of
 * a Pod spec, and the namespaces the platform does not own.
 */
import type { KubeObject } from '../engine/kubernetes.js';
import type { Finding } from '../engine/types.js';
import { at, dict, isDict, list, str, type Dict } from '../engine/values.js';

/** EKS-managed namespaces: the platform neither deploys into them nor polices them at admission. */
export const SYSTEM_NAMESPACES = ['kube-node-lease', 'kube-public', 'kube-system'] as const;

/** Where each Pod-bearing kind keeps its Pod spec (as a dotted path, also used in Kyverno policies). */
export const POD_SPEC_PATHS = {
  Pod: 'spec',
  Deployment: 'spec.template.spec',
  StatefulSet: 'spec.template.spec',
  DaemonSet: 'spec.template.spec',
  ReplicaSet: 'spec.template.spec',
  Job: 'spec.template.spec',
  CronJob: 'spec.jobTemplate.spec.template.spec',
} as const;
export type PodKind = keyof typeof POD_SPEC_PATHS;

/** Long-running workloads (probes and disruption budgets concern these, not Jobs). */
export const SERVICE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;

export interface Workload {
  object: KubeObject;
  podSpec: Dict;
  /** Labels of the Pods it creates. */
  podLabels: Record<string, string>;
}

const isPodKind = (kind: string): kind is PodKind => Object.hasOwn(POD_SPEC_PATHS, kind);

/** Per environment's objects: a dozen rules ask for the workloads of the same objects. */
const workloadCache = new WeakMap<readonly KubeObject[], Workload[]>();

export function workloads(objects: readonly KubeObject[]): Workload[] {
  let cached = workloadCache.get(objects);
  if (!cached) workloadCache.set(objects, (cached = readWorkloads(objects)));
  return [...cached];
}

function readWorkloads(objects: readonly KubeObject[]): Workload[] {
  return objects.flatMap((object) => {
    if (!isPodKind(object.kind)) return [];
    const path = POD_SPEC_PATHS[object.kind].split('.');
    const podSpec = dict(at(object.object, ...path));
    const podMetadata = object.kind === 'Pod' ? object.object.metadata : at(object.object, ...path.slice(0, -1), 'metadata');
    const podLabels = Object.fromEntries(
      Object.entries(dict(at(podMetadata, 'labels'))).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    return [{ object, podSpec, podLabels }];
  });
}

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';
export const ALL_CONTAINER_LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface Container {
  list: ContainerList;
  name: string;
  spec: Dict;
  securityContext: Dict;
}

export function containers(podSpec: Dict, lists: readonly ContainerList[] = ALL_CONTAINER_LISTS): Container[] {
  return lists.flatMap((listName) =>
    list(podSpec[listName])
      .filter(isDict)
      .map((spec) => ({ list: listName, name: str(spec.name) ?? '<unnamed>', spec, securityContext: dict(spec.securityContext) })),
  );
}

/** How a container is named in messages: `container "app"`, `init container "migrate"`. */
export function describe(container: Container): string {
  const prefix = { containers: 'container', initContainers: 'init container', ephemeralContainers: 'ephemeral container' }[container.list];
  return `${prefix} "${container.name}"`;
}

/**
 * One finding per container with problems (`container "api": a; b`), for the rules that judge
 * containers one by one.
 */
export function containerFindings(
  of: readonly Workload[],
  problems: (container: Container, podSpec: Dict) => string[],
  lists: readonly ContainerList[] = ALL_CONTAINER_LISTS,
): Finding[] {
  return of.flatMap(({ object, podSpec }) =>
    containers(podSpec, lists).flatMap((c) => {
      const found = problems(c, podSpec);
      return found.length === 0 ? [] : [{ file: object.file, resource: object.resource, message: `${describe(c)}: ${found.join('; ')}` }];
    }),
  );
}
