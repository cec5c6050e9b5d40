/** K8S-001: every container runs as a non-root user. */
import { everyContainer, nest, podSpecRules } from '../admission/kyverno.js';
import { dict } from '../engine/values.js';
import type { KubernetesRule } from './rule.js';
import { containerFindings, workloads } from './workloads.js';

/** A container's own securityContext wins over the Pod's. */
function effective(container: Record<string, unknown>, pod: Record<string, unknown>, field: string): unknown {
  return container[field] ?? pod[field];
}

/** Kyverno container entries: the field may be absent, but when set it must hold; or it must be set. */
const optional = (field: string, value: unknown) => ({ '=(securityContext)': { [`=(${field})`]: value } });
const required = (field: string, value: unknown) => ({ securityContext: { [field]: value } });

export const runAsNonRoot: KubernetesRule = {
  id: 'K8S-001',
  severity: 'error',
  area: 'kubernetes',
  title: 'Containers run as non-root',
  checks: 'Every container (init and ephemeral included) has `runAsNonRoot: true` and no `runAsUser: 0`, from its own or the Pod securityContext.',
  why: 'A process running as root inside a container is one kernel bug away from root on the node.',
  fix: 'Set `securityContext.runAsNonRoot: true` (Pod or container) and a non-zero `runAsUser` if the image defaults to root.',
  check: ({ kubernetes }) =>
    containerFindings(workloads(kubernetes), (c, podSpec) => {
      const pod = dict(podSpec.securityContext);
      return [
        ...(effective(c.securityContext, pod, 'runAsNonRoot') !== true ? ['runAsNonRoot is not true'] : []),
        ...(effective(c.securityContext, pod, 'runAsUser') === 0 ? ['runAsUser is 0 (root)'] : []),
      ];
    }),
  admission: {
    name: 'run-as-non-root',
    background: true,
    subject: 'Pod',
    rules: [
      ...podSpecRules('run-as-non-root', (specPath) => ({
        message: 'Containers must run as non-root: set securityContext.runAsNonRoot to true on the Pod or on every container.',
        anyPattern: [
          nest(specPath, { securityContext: { runAsNonRoot: true }, ...everyContainer(optional('runAsNonRoot', true)) }),
          nest(specPath, everyContainer(required('runAsNonRoot', true))),
        ],
      })),
      ...podSpecRules('run-as-non-zero-user', (specPath) => ({
        message: 'Containers must not run as user 0: set runAsUser to a non-zero id or leave it to the image.',
        pattern: nest(specPath, { '=(securityContext)': { '=(runAsUser)': '>0' }, ...everyContainer(optional('runAsUser', '>0')) }),
      })),
    ],
  },
};
