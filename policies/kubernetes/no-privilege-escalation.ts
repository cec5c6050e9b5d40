/** K8S-002: no container may gain privileges. */
import { everyContainer, nest, podSpecRules } from '../admission/kyverno.js';
import type { KubernetesRule } from './rule.js';
import { containerFindings, workloads } from './workloads.js';

export const noPrivilegeEscalation: KubernetesRule = {
  id: 'K8S-002',
  severity: 'error',
  area: 'kubernetes',
  title: 'No privilege escalation',
  checks: 'Every container sets `securityContext.allowPrivilegeEscalation: false` and is not `privileged`.',
  why: 'setuid binaries and privileged mode let a compromised process become root or reach the host devices.',
  fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container and remove `privileged: true`.',
  check: ({ kubernetes }) =>
    containerFindings(workloads(kubernetes), (c) => [
      ...(c.securityContext.allowPrivilegeEscalation !== false ? ['allowPrivilegeEscalation is not false'] : []),
      ...(c.securityContext.privileged === true ? ['privileged is true'] : []),
    ]),
  admission: {
    name: 'no-privilege-escalation',
    background: true,
    subject: 'Pod',
    rules: podSpecRules('no-privilege-escalation', (specPath) => ({
      message: 'Containers must set securityContext.allowPrivilegeEscalation to false and must not be privileged.',
      pattern: nest(specPath, everyContainer({ securityContext: { allowPrivilegeEscalation: false, '=(privileged)': false } })),
    })),
  },
};
