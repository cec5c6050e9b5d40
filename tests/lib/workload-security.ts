/**
 * The security settings every generated workload must have, as a checker that lists violations
 * (an empty list means the document is fine or is not a workload).
 */
import type { KubernetesDocument } from './kubernetes-documents.js';

interface Container {
  name: string;
  securityContext?: {
    runAsNonRoot?: boolean;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
  };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  startupProbe?: unknown;
  readinessProbe?: unknown;
  livenessProbe?: unknown;
}

interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: { runAsNonRoot?: boolean; seccompProfile?: { type?: string } };
  automountServiceAccountToken?: boolean;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  topologySpreadConstraints?: { topologyKey: string }[];
}

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;

function podSpec(doc: KubernetesDocument): PodSpec | undefined {
  const spec = doc.spec as { template?: { spec: PodSpec }; jobTemplate?: { spec: { template: { spec: PodSpec } } } } | undefined;
  if (doc.kind === 'CronJob') return spec?.jobTemplate?.spec.template.spec;
  return spec?.template?.spec;
}

function containerViolations(pod: PodSpec, container: Container, init: boolean, job = false): string[] {
  const sc = container.securityContext ?? {};
  const problems: string[] = [];
  if (!(sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot)) problems.push('runs as root (runAsNonRoot is not true)');
  if (sc.readOnlyRootFilesystem !== true) problems.push('root file system is writable');
  if (sc.allowPrivilegeEscalation !== false) problems.push('allows privilege escalation');
  if (sc.privileged === true) problems.push('is privileged');
  if (!sc.capabilities?.drop?.includes('ALL')) problems.push('does not drop ALL capabilities');
  if ((sc.capabilities?.add ?? []).length > 0) problems.push('adds capabilities');
  for (const kind of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory']) if (!container.resources?.[kind]?.[resource]) problems.push(`has no ${resource} ${kind.slice(0, -1)}`);
  }
  // A Job's pod runs to completion: nothing routes to it and nothing restarts it (policy K8S-006 exempts it too).
  if (!init && !job) {
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const) if (!container[probe]) problems.push(`has no ${probe}`);
  }
  return problems.map((p) => `container ${container.name} ${p}`);
}

export function workloadViolations(doc: KubernetesDocument): string[] {
  if (!(WORKLOAD_KINDS as readonly string[]).includes(doc.kind)) return [];
  const where = `${doc.kind} ${doc.metadata.namespace}/${doc.metadata.name}`;
  const pod = podSpec(doc);
  if (!pod) return [`${where}: no pod template`];
  const problems: string[] = [];
  if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') problems.push('pod seccomp profile is not RuntimeDefault');
  if (pod.automountServiceAccountToken !== false) problems.push('pod mounts a Kubernetes API token');
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push('pod shares host namespaces');
  if (doc.kind !== 'DaemonSet' && !pod.topologySpreadConstraints?.some((c) => c.topologyKey === 'topology.kubernetes.io/zone')) {
    problems.push('pods are not spread across zones');
  }
  const job = doc.kind === 'Job' || doc.kind === 'CronJob';
  problems.push(...pod.containers.flatMap((c) => containerViolations(pod, c, false, job)));
  problems.push(...(pod.initContainers ?? []).flatMap((c) => containerViolations(pod, c, true)));
  return problems.map((p) => `${where}: ${p}`);
}
