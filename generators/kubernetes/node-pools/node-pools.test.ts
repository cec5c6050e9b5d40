/** The karpenter-node-pools app: an EC2NodeClass and a NodePool per pool Karpenter scales, derived from eks.nodePools. */
import { describe, expect, it } from 'vitest';
import { dev } from '../../../environments/dev.js';
import type { NodePool } from '../../../environments/types.js';
import { nodeImages } from '../../../environments/versions.js';
import { environmentWith } from '../test-fixtures.js';
import { nodePoolManifests } from './index.js';
import { nodePoolLimits, nodePoolRequirements } from './node-pool.js';

const labels = {
  'app.kubernetes.io/component': 'node-pools',
  'app.kubernetes.io/instance': 'karpenter-node-pools',
  'app.kubernetes.io/managed-by': 'cdk8s',
  'app.kubernetes.io/name': 'karpenter-node-pools',
  'app.kubernetes.io/part-of': 'platform',
};

const pool = (overrides: Partial<NodePool>): NodePool => ({ ...dev.eks.nodePools.find((p) => p.name === 'apps')!, ...overrides });

describe('karpenter-node-pools in dev', () => {
  const manifests = nodePoolManifests(environmentWith([]));

  it('holds a node class and a node pool for every pool but system, which stays a managed node group', () => {
    const scaled = dev.eks.nodePools.filter((p) => p.name !== 'system');
    expect(scaled.length).toBeGreaterThan(0);
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toStrictEqual(scaled.flatMap((p) => [`EC2NodeClass/${p.name}`, `NodePool/${p.name}`]));
  });

  it('launches data nodes with AL2023, the Karpenter node role, the tagged subnets and security group, IMDSv2 only and an encrypted gp3 root volume', () => {
    expect(manifests.find((m) => m.kind === 'EC2NodeClass' && m.metadata.name === 'data')).toStrictEqual({
      apiVersion: 'karpenter.k8s.aws/v1',
      kind: 'EC2NodeClass',
      metadata: { name: 'data', labels },
      spec: {
        amiFamily: 'AL2023',
        amiSelectorTerms: [{ alias: `al2023@${nodeImages.al2023}` }],
        role: 'platform-dev-karpenter-node',
        subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'platform-dev' } }],
        securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'platform-dev' } }],
        associatePublicIPAddress: false,
        metadataOptions: { httpEndpoint: 'enabled', httpProtocolIPv6: 'disabled', httpPutResponseHopLimit: 1, httpTokens: 'required' },
        blockDeviceMappings: [
          { deviceName: '/dev/xvda', rootVolume: true, ebs: { volumeSize: '100Gi', volumeType: 'gp3', encrypted: true, deleteOnTermination: true } },
        ],
        tags: {
          environment: 'dev',
          owner: '@acme/platform',
          'cost-center': 'cc-1001-dev',
          'managed-by': 'karpenter',
          source: 'kubernetes/karpenter-node-pools from environments/dev.ts',
        },
      },
    });
  });

  it('scales the data pool like its node group: arm64 spot m7g/m6g up to xlarge, its label and taint, up to maxSize in total, consolidating', () => {
    expect(manifests.find((m) => m.kind === 'NodePool' && m.metadata.name === 'data')).toStrictEqual({
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: 'data', labels },
      spec: {
        template: {
          metadata: { labels: { 'platform.acme.example/pool': 'data' } },
          spec: {
            nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'data' },
            requirements: [
              { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
              { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
              { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] },
              { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m6g', 'm7g'] },
              { key: 'karpenter.k8s.aws/instance-cpu', operator: 'Gt', values: ['1'] },
              { key: 'karpenter.k8s.aws/instance-cpu', operator: 'Lt', values: ['5'] },
              { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['eu-west-1a', 'eu-west-1b'] },
            ],
            taints: [{ key: 'platform.acme.example/pool', value: 'data', effect: 'NoSchedule' }],
            expireAfter: '720h',
            terminationGracePeriod: '24h',
          },
        },
        // maxSize 3, desiredSize 2: one more xlarge (4 vCPUs, 16 GiB) on top of the managed node group.
        limits: { cpu: '4', memory: '16Gi' },
        disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '5m', budgets: [{ nodes: '10%' }] },
      },
    });
  });

  it('gives the untainted apps pool x86 spot capacity from its three families, up to three more xlarge nodes', () => {
    const apps = manifests.find((m) => m.kind === 'NodePool' && m.metadata.name === 'apps') as any;
    expect(apps.spec.template.spec.requirements.slice(0, 4)).toStrictEqual([
      { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
      { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] },
      { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m5', 'm6a', 'm6i'] },
    ]);
    expect(apps.spec.template.spec.taints).toStrictEqual([]);
    expect(apps.spec.limits).toStrictEqual({ cpu: '12', memory: '48Gi' });
  });
});

describe('node pool derivation', () => {
  const env = environmentWith([]);
  const requirement = (p: NodePool, key: string) => nodePoolRequirements(env, p).filter((r) => r.key === key);

  it('maps on-demand pools to on-demand capacity', () => {
    expect(requirement(pool({ capacityType: 'ON_DEMAND' }), 'karpenter.sh/capacity-type')).toStrictEqual([
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
    ]);
  });

  it('sizes limits and the largest node from the largest instance type of a mixed pool', () => {
    const mixed = pool({ instanceTypes: ['m6i.large', 'r6i.2xlarge'], desiredSize: 2, maxSize: 5 });
    expect(requirement(mixed, 'karpenter.k8s.aws/instance-cpu').map((r) => [r.operator, r.values])).toStrictEqual([
      ['Gt', ['1']],
      ['Lt', ['9']],
    ]);
    expect(nodePoolLimits(mixed)).toStrictEqual({ cpu: '24', memory: '192Gi' });
  });

  it('allows a pool of one-vCPU types its own size, and no capacity when the node group already runs maxSize', () => {
    const small = pool({ instanceTypes: ['m6g.medium'], architecture: 'arm64', desiredSize: 3, maxSize: 3 });
    expect(requirement(small, 'karpenter.k8s.aws/instance-cpu').map((r) => [r.operator, r.values])).toStrictEqual([
      ['Gt', ['0']],
      ['Lt', ['2']],
    ]);
    expect(nodePoolLimits(small)).toStrictEqual({ cpu: '0', memory: '0Gi' });
  });
});
