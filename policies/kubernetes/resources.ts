/** K8S-005: containers declare CPU and memory requests and a memory limit. */
import { everyContainer, nest, podSpecRules } from '../admission/kyverno.js';
import { at } from '../engine/values.js';
import type { KubernetesRule } from './rule.js';
import { containerFindings, workloads, type ContainerList } from './workloads.js';

const LISTS: ContainerList[] = ['initContainers', 'containers'];
const REQUIRED = [
  ['requests', 'cpu'],
  ['requests', 'memory'],
  ['limits', 'memory'],
] as const;

const isSet = (value: unknown) => (typeof value === 'string' && value !== '') || typeof value === 'number';

export const resources: KubernetesRule = {
  id: 'K8S-005',
  severity: 'error',
  area: 'kubernetes',
  title: 'Requests and memory limits set',
  checks: 'Every container and init container sets `resources.requests.cpu`, `resources.requests.memory` and `resources.limits.memory`. A CPU limit is deliberately not required (it throttles without protecting neighbours).',
  why: 'The scheduler places Pods by their requests; without a memory limit one leaking Pod can push a node into OOM and evict its neighbours.',
  fix: 'Set the service\'s `resources` (or the environment override) so every container gets requests and a memory limit.',
  check: ({ kubernetes }) =>
    containerFindings(
      workloads(kubernetes),
      (c) => {
        const missing = REQUIRED.filter(([section, name]) => !isSet(at(c.spec, 'resources', section, name))).map(([s, n]) => `resources.${s}.${n}`);
        return missing.length === 0 ? [] : [`missing ${missing.join(', ')}`];
      },
      LISTS,
    ),
  admission: {
    name: 'require-resources',
    background: true,
    subject: 'Pod',
    rules: podSpecRules('require-requests-and-memory-limit', (specPath) => ({
      message: 'Containers must set CPU and memory requests and a memory limit.',
      pattern: nest(specPath, everyContainer({ resources: { requests: { cpu: '?*', memory: '?*' }, limits: { memory: '?*' } } }, LISTS)),
    })),
  },
};
