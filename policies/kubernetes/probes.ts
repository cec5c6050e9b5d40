/** K8S-006: long-running containers declare liveness and readiness probes. */
import { BARE_POD, eachContainer, podSpecRules, SERVICE_POD_KINDS } from '../admission/kyverno.js';
import { at, isDict, list } from '../engine/values.js';
import type { KubernetesRule } from './rule.js';
import { containerFindings, SERVICE_KINDS, workloads } from './workloads.js';

const PROBES = ['livenessProbe', 'readinessProbe'] as const;

/**
 * Top-level Deployments, StatefulSets, DaemonSets and Pods (nothing owns them); Jobs run to
 * completion and need no probes, and objects a controller creates follow their owner's template.
 */
const concerned = (kind: string, ownerReferences: unknown) =>
  [...SERVICE_KINDS, 'Pod'].includes(kind) && list(ownerReferences).length === 0;

export const probes: KubernetesRule = {
  id: 'K8S-006',
  severity: 'error',
  area: 'kubernetes',
  title: 'Liveness and readiness probes set',
  checks: 'Every container of a Deployment, StatefulSet, DaemonSet or Pod that no other object owns has a `livenessProbe` and a `readinessProbe` (init containers and Jobs are exempt).',
  why: 'Without readiness, traffic reaches Pods that cannot serve it and rollouts cannot tell a bad version; without liveness, a hung process is never restarted.',
  fix: 'Declare the service\'s probe paths (`probes` in its service.ts) so the generated Deployment gets both probes.',
  check: ({ kubernetes }) =>
    containerFindings(
      workloads(kubernetes).filter(({ object }) => concerned(object.kind, at(object.object, 'metadata', 'ownerReferences'))),
      (c) => {
        const missing = PROBES.filter((p) => !isDict(c.spec[p]));
        return missing.length === 0 ? [] : [`missing ${missing.join(' and ')}`];
      },
      ['containers'],
    ),
  admission: {
    name: 'require-probes',
    background: true,
    subject: 'Pod',
    rules: podSpecRules(
      'require-probes',
      (specPath) => ({
        message: 'Containers of long-running workloads must declare a livenessProbe and a readinessProbe.',
        foreach: [
          {
            list: eachContainer(specPath, 'containers'),
            deny: {
              conditions: {
                any: PROBES.map((probe) => ({ key: `{{ element.${probe} || '' }}`, operator: 'Equals', value: '' })),
              },
            },
          },
        ],
      }),
      { kinds: SERVICE_POD_KINDS, preconditions: [BARE_POD] },
    ),
  },
};
