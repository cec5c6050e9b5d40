/**
 * The platform namespaces: Pod Security Admission labels, a ResourceQuota sized from the
 * environment's `namespaces` budget, and a LimitRange that gives containers without resources
 * defaults (the quota would reject them otherwise) and caps any one container.
 */
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { PLATFORM_NAMESPACES, type NamespaceBudget, type PlatformNamespace } from '../../../environments/types.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { cpuMillis, formatCpu, formatMemory, memoryMiB } from '../quantity.js';

export type PodSecurityLevel = 'restricted' | 'baseline' | 'privileged';

/**
 * The level each namespace enforces; `warn` and `audit` always report against `restricted`.
 *  - apps and data run only the platform's own workloads: restricted.
 *  - system runs upstream controllers, several of whose charts do not set seccomp profiles: baseline.
 *  - monitoring runs node-exporter, which reads the host (hostPath, hostNetwork, hostPID): privileged.
 *  - policy runs Kyverno alone, whose chart meets the restricted profile: restricted.
 */
export const POD_SECURITY: Record<PlatformNamespace, PodSecurityLevel> = {
  'platform-system': 'baseline',
  'platform-apps': 'restricted',
  'platform-data': 'restricted',
  'platform-monitoring': 'privileged',
  'platform-policy': 'restricted',
};

export const QUOTA_NAME = 'budget';
export const LIMIT_RANGE_NAME = 'container-defaults';

/** What a container gets when it declares nothing. */
export const CONTAINER_DEFAULTS = { cpuRequest: '100m', memoryRequest: '128Mi', cpuLimit: '500m', memoryLimit: '512Mi' } as const;
/** No single container may take more than this share of its namespace's limit budget. */
const MAX_SHARE_OF_NAMESPACE = 4;

export function podSecurityLabels(level: PodSecurityLevel): Record<string, string> {
  return {
    'pod-security.kubernetes.io/enforce': level,
    'pod-security.kubernetes.io/enforce-version': 'latest',
    'pod-security.kubernetes.io/warn': 'restricted',
    'pod-security.kubernetes.io/warn-version': 'latest',
    'pod-security.kubernetes.io/audit': 'restricted',
    'pod-security.kubernetes.io/audit-version': 'latest',
  };
}

function quotaHard(budget: NamespaceBudget): Record<string, k8s.Quantity> {
  return {
    'requests.cpu': k8s.Quantity.fromString(budget.requestsCpu),
    'requests.memory': k8s.Quantity.fromString(budget.requestsMemory),
    'limits.cpu': k8s.Quantity.fromString(budget.limitsCpu),
    'limits.memory': k8s.Quantity.fromString(budget.limitsMemory),
    pods: k8s.Quantity.fromNumber(budget.pods),
    // Traffic enters through the ALB Ingress only.
    'services.loadbalancers': k8s.Quantity.fromNumber(0),
    'services.nodeports': k8s.Quantity.fromNumber(0),
  };
}

function containerLimits(budget: NamespaceBudget): k8s.LimitRangeItem {
  const q = k8s.Quantity.fromString;
  return {
    type: 'Container',
    defaultRequest: { cpu: q(CONTAINER_DEFAULTS.cpuRequest), memory: q(CONTAINER_DEFAULTS.memoryRequest) },
    default: { cpu: q(CONTAINER_DEFAULTS.cpuLimit), memory: q(CONTAINER_DEFAULTS.memoryLimit) },
    max: {
      cpu: q(formatCpu(cpuMillis(budget.limitsCpu) / MAX_SHARE_OF_NAMESPACE)),
      memory: q(formatMemory(memoryMiB(budget.limitsMemory) / MAX_SHARE_OF_NAMESPACE)),
    },
  };
}

export function addNamespaces(scope: Construct, env: ResolvedEnvironment): void {
  for (const name of PLATFORM_NAMESPACES) {
    const budget = env.namespaces[name];
    new k8s.KubeNamespace(scope, `namespace-${name}`, { metadata: { name, labels: podSecurityLabels(POD_SECURITY[name]) } });
    new k8s.KubeResourceQuota(scope, `quota-${name}`, { metadata: { name: QUOTA_NAME, namespace: name }, spec: { hard: quotaHard(budget) } });
    new k8s.KubeLimitRange(scope, `limits-${name}`, { metadata: { name: LIMIT_RANGE_NAME, namespace: name }, spec: { limits: [containerLimits(budget)] } });
  }
}
