/** K8S-004: containers drop every Linux capability (NET_BIND_SERVICE may be added back). */
import { eachContainer, podSpecRules } from '../admission/kyverno.js';
import { at, strings } from '../engine/values.js';
import type { KubernetesRule } from './rule.js';
import { containerFindings, workloads } from './workloads.js';

/** The one capability the restricted Pod Security Standard lets a container add back. */
const ALLOWED_ADD = ['NET_BIND_SERVICE'];

export const dropAllCapabilities: KubernetesRule = {
  id: 'K8S-004',
  severity: 'error',
  area: 'kubernetes',
  title: 'All capabilities dropped',
  checks: 'Every container lists `ALL` in `securityContext.capabilities.drop` and adds back nothing but `NET_BIND_SERVICE`.',
  why: 'Default capabilities (NET_RAW, CHOWN, SETUID…) are attack surface no application container needs.',
  fix: 'Set `securityContext.capabilities.drop: [ALL]` on every container; do not add capabilities.',
  check: ({ kubernetes }) =>
    containerFindings(workloads(kubernetes), (c) => {
      const drop = strings(at(c.securityContext, 'capabilities', 'drop')).map((d) => d.toUpperCase());
      const added = strings(at(c.securityContext, 'capabilities', 'add')).filter((a) => !ALLOWED_ADD.includes(a));
      return [...(drop.includes('ALL') ? [] : ['capabilities.drop does not include ALL']), ...(added.length > 0 ? [`adds capabilities ${added.join(', ')}`] : [])];
    }),
  admission: {
    name: 'drop-all-capabilities',
    background: true,
    subject: 'Pod',
    rules: podSpecRules('drop-all-capabilities', (specPath) => ({
      message: 'Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE.',
      foreach: [
        {
          list: eachContainer(specPath),
          deny: {
            conditions: {
              any: [
                { key: 'ALL', operator: 'AnyNotIn', value: '{{ element.securityContext.capabilities.drop[].to_upper(@) || `[]` }}' },
                { key: "{{ element.securityContext.capabilities.add[] || '' }}", operator: 'AnyNotIn', value: [...ALLOWED_ADD, ''] },
              ],
            },
          },
        },
      ],
    })),
  },
};
