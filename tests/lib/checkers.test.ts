/** The checkers the invariant tests rely on catch what they claim to. */
import { describe, expect, it } from 'vitest';
import { validateAgainstSchema } from './kubernetes-schemas.js';
import type { KubernetesDocument } from './kubernetes-documents.js';
import { workloadViolations } from './workload-security.js';

describe('validateAgainstSchema', () => {
  it('accepts a valid document and rejects a malformed one', () => {
    const policy = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'a' }, spec: { minAvailable: 1 } };
    expect(() => validateAgainstSchema(policy)).not.toThrow();
    expect(() => validateAgainstSchema({ ...policy, spec: { minAvailable: { many: 1 } } })).toThrow(/minAvailable/);
  });

  it('validates external-secrets.io/v1 with the (identical) v1beta1 schema', () => {
    const spec = { secretStoreRef: { kind: 'ClusterSecretStore', name: 'store' }, data: [{ secretKey: 'a', remoteRef: { key: 'b' } }] };
    expect(() => validateAgainstSchema({ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'a' }, spec })).not.toThrow();
    expect(() => validateAgainstSchema({ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'a' }, spec: { data: [{ secretKey: 'a' }] } })).toThrow(
      /remoteRef/,
    );
  });

  it('refuses kinds it has no schema for', () => {
    expect(() => validateAgainstSchema({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'a' } })).toThrow('no schema known for example.com/v1 Widget');
  });
});

describe('workloadViolations', () => {
  const deployment = (container: object, pod: object = {}): KubernetesDocument => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'apps' },
    spec: { template: { spec: { containers: [{ name: 'web', ...container }], ...pod } } },
  });

  it('lists every missing setting of a bare workload', () => {
    expect(workloadViolations(deployment({}))).toStrictEqual(
      [
        'pod seccomp profile is not RuntimeDefault',
        'pod mounts a Kubernetes API token',
        'pods are not spread across zones',
        'container web runs as root (runAsNonRoot is not true)',
        'container web root file system is writable',
        'container web allows privilege escalation',
        'container web does not drop ALL capabilities',
        'container web has no cpu request',
        'container web has no memory request',
        'container web has no cpu limit',
        'container web has no memory limit',
        'container web has no startupProbe',
        'container web has no readinessProbe',
        'container web has no livenessProbe',
      ].map((p) => `Deployment apps/web: ${p}`),
    );
  });

  it('accepts a hardened workload and ignores other kinds', () => {
    const hardened = deployment(
      {
        securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
        startupProbe: {},
        readinessProbe: {},
        livenessProbe: {},
      },
      {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        automountServiceAccountToken: false,
        topologySpreadConstraints: [{ topologyKey: 'topology.kubernetes.io/zone' }],
      },
    );
    expect(workloadViolations(hardened)).toStrictEqual([]);
    expect(workloadViolations({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).toStrictEqual([]);
  });
});
