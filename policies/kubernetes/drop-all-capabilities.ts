/** K8S-004: containers drop every Linux capability (NET_BIND_SERVICE may be added back). */
import { eachContainer, podSpecRules } from '../admission/kyverno.js';
import { at, strings } from '../engine/values.js';
import type { KubernetesRule } from './rule.js';
import { containers, describe, workloads } from './workloads.js';

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
    workloads(kubernetes).flatMap(({ object, podSpec }) =>
      containers(podSpec).flatMap((c) => {
        const drop = strings(at(c.securityContext, 'capabilities', 'drop')).map((d) => d.toUpperCase());
        const added = strings(at(c.securityContext, 'capabilities', 'add')).filter((a) => !ALLOWED_ADD.includes(a));
        const problems: string[] = [];
        if (!drop.includes('ALL')) problems.push('capabilities.drop does not include ALL');
        if (added.length > 0) problems.push(`adds capabilities ${added.join(', ')}`);
        return problems.length === 0 ? [] : [{ file: object.file, resource: object.resource, message: `${describe(c)}: ${problems.join('; ')}` }];
      }),
    ),
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
