/** K8S-008: Pods share no host namespace and mount no host path. */
import { nest, podSpecRules } from '../admission/kyverno.js';
import { isDict, list, str } from '../engine/values.js';
import type { KubernetesRule } from './rule.js';
import { workloads } from './workloads.js';

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export const noHostAccess: KubernetesRule = {
  id: 'K8S-008',
  severity: 'error',
  area: 'kubernetes',
  title: 'No host namespaces or hostPath',
  checks: 'No Pod sets `hostNetwork`, `hostPID` or `hostIPC`, and no volume is a `hostPath`.',
  why: 'Host namespaces and host paths break the container boundary: a Pod can sniff node traffic, signal host processes or read kubelet credentials.',
  fix: 'Remove the host settings and use a regular volume (emptyDir, PVC, projected); node agents that truly need the host get a dated exception.',
  check: ({ kubernetes }) =>
    workloads(kubernetes).flatMap(({ object, podSpec }) => {
      const problems = [
        ...HOST_NAMESPACES.filter((field) => podSpec[field] === true).map((field) => `${field} is true`),
        ...list(podSpec.volumes)
          .filter((v) => isDict(v) && v.hostPath !== undefined)
          .map((v) => `volume "${str((v as Record<string, unknown>).name) ?? '<unnamed>'}" is a hostPath`),
      ];
      return problems.map((message) => ({ file: object.file, resource: object.resource, message }));
    }),
  admission: {
    name: 'no-host-access',
    background: true,
    subject: 'Pod',
    rules: podSpecRules('no-host-access', (specPath) => ({
      message: 'Pods must not use hostNetwork, hostPID, hostIPC or hostPath volumes.',
      pattern: nest(specPath, {
        ...Object.fromEntries(HOST_NAMESPACES.map((field) => [`=(${field})`, false])),
        '=(volumes)': [{ 'X(hostPath)': 'null' }],
      }),
    })),
  },
};
