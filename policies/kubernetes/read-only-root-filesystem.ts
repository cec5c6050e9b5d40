/** K8S-003: containers cannot write to their image's file system. */
import { everyContainer, nest, podSpecRules } from '../admission/kyverno.js';
import type { KubernetesRule } from './rule.js';
import { containerFindings, workloads, type ContainerList } from './workloads.js';

/** Ephemeral (debug) containers are exempt: they exist to inspect a running Pod by hand. */
const LISTS: ContainerList[] = ['initContainers', 'containers'];

export const readOnlyRootFilesystem: KubernetesRule = {
  id: 'K8S-003',
  severity: 'error',
  area: 'kubernetes',
  title: 'Read-only root file system',
  checks: 'Every container and init container sets `securityContext.readOnlyRootFilesystem: true`.',
  why: 'An attacker cannot drop tools or alter binaries in a read-only image; writable state is explicit (volumes).',
  fix: 'Set `readOnlyRootFilesystem: true` and mount an `emptyDir` where the process needs to write (e.g. /tmp).',
  check: ({ kubernetes }) =>
    containerFindings(workloads(kubernetes), (c) => (c.securityContext.readOnlyRootFilesystem === true ? [] : ['readOnlyRootFilesystem is not true']), LISTS),
  admission: {
    name: 'read-only-root-filesystem',
    background: true,
    subject: 'Pod',
    rules: podSpecRules('read-only-root-filesystem', (specPath) => ({
      message: 'Containers must set securityContext.readOnlyRootFilesystem to true.',
      pattern: nest(specPath, everyContainer({ securityContext: { readOnlyRootFilesystem: true } }, LISTS)),
    })),
  },
};
