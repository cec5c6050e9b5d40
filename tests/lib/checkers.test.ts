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

  describe('Karpenter NodePool and EC2NodeClass (JSON Schemas written from the v1 CRDs)', () => {
    const nodePool = (spec: object) => ({ apiVersion: 'karpenter.sh/v1', kind: 'NodePool', metadata: { name: 'apps' }, spec });
    const template = (spec: object, labels: Record<string, string> = {}) => ({
      template: {
        metadata: { labels },
        spec: { nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'apps' }, requirements: [], ...spec },
      },
    });
    const nodeClass = (spec: object) => ({
      apiVersion: 'karpenter.k8s.aws/v1',
      kind: 'EC2NodeClass',
      metadata: { name: 'apps' },
      spec: {
        amiSelectorTerms: [{ alias: 'al2023@v20250317' }],
        role: 'nodes',
        subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'c' } }],
        securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'c' } }],
        ...spec,
      },
    });

    it('accept valid objects', () => {
      const requirements = [
        { key: 'karpenter.k8s.aws/instance-cpu', operator: 'Gt', values: ['1'] },
        { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
      ];
      expect(() => validateAgainstSchema(nodePool({ ...template({ requirements }, { team: 'a' }), limits: { cpu: '12', memory: '48Gi' } }))).not.toThrow();
      expect(() => validateAgainstSchema(nodeClass({ amiFamily: 'AL2023', metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 } }))).not.toThrow();
    });

    it.each([
      ['a misspelt field', nodePool({ ...template({ expiresAfter: '720h' }) }), /must NOT have additional properties/],
      ['a restricted label domain', nodePool(template({}, { 'node-role.kubernetes.io/apps': '' })), /labels key "node-role.kubernetes.io\/apps" property name must be valid/],
      ['the reserved nodepool label', nodePool(template({ requirements: [{ key: 'karpenter.sh/nodepool', operator: 'In', values: ['a'] }] })), /must NOT be valid/],
      ['In without values', nodePool(template({ requirements: [{ key: 'team', operator: 'In', values: [] }] })), /must NOT have fewer than 1 items/],
      ['Gt with a word', nodePool(template({ requirements: [{ key: 'karpenter.k8s.aws/instance-cpu', operator: 'Gt', values: ['two'] }] })), /must match pattern/],
      ['a bad quantity limit', nodePool({ ...template({}), limits: { cpu: 'lots' } }), /must match pattern/],
      ['an unknown consolidation policy', nodePool({ ...template({}), disruption: { consolidateAfter: '5m', consolidationPolicy: 'WhenUnderutilized' } }), /allowed values/],
    ])('reject a NodePool with %s', (_what, doc, message) => {
      expect(() => validateAgainstSchema(doc)).toThrow(message);
    });

    it.each([
      ['both role and instance profile', nodeClass({ instanceProfile: 'p' }), /must match exactly one schema in oneOf/],
      ['an AL2 family with an AL2023 alias', nodeClass({ amiFamily: 'AL2' }), /allowed values/],
      ['no amiFamily without an alias', nodeClass({ amiSelectorTerms: [{ id: 'ami-123' }] }), /must have required property 'amiFamily'/],
      ['a hop limit of 0', nodeClass({ metadataOptions: { httpPutResponseHopLimit: 0 } }), /must be >= 1/],
      ['a reserved tag', nodeClass({ tags: { 'kubernetes.io/cluster/c': 'owned' } }), /tags key "kubernetes.io\/cluster\/c" property name must be valid/],
      ['a volume size in MiB', nodeClass({ blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: '512Mi' } }] }), /must match pattern/],
    ])('reject an EC2NodeClass with %s', (_what, doc, message) => {
      expect(() => validateAgainstSchema(doc)).toThrow(message);
    });
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
