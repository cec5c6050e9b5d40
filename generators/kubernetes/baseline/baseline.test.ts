/** The baseline app: namespaces sized from the environment, Pod Security levels, default-deny policies. */
import { describe, expect, it } from 'vitest';
import { PLATFORM_NAMESPACES } from '../../../environments/types.js';
import type { Manifest } from '../chart.js';
import { environmentWith } from '../test-fixtures.js';
import { baselineManifests } from './index.js';

const env = environmentWith([]);
const manifests = baselineManifests(env);
const find = (kind: string, namespace: string | undefined, name: string) =>
  manifests.find((m) => m.kind === kind && m.metadata.namespace === namespace && m.metadata.name === name) as Manifest;

describe('baseline', () => {
  it('sizes each namespace quota from the environment budget and forbids LoadBalancer and NodePort services', () => {
    expect(find('ResourceQuota', 'platform-apps', 'budget').spec).toStrictEqual({
      hard: {
        'limits.cpu': '48',
        'limits.memory': '96Gi',
        pods: 200,
        'requests.cpu': '24',
        'requests.memory': '48Gi',
        'services.loadbalancers': 0,
        'services.nodeports': 0,
      },
    });
    const requested = PLATFORM_NAMESPACES.map((ns) => (find('ResourceQuota', ns, 'budget').spec as any).hard['requests.cpu']);
    // dev: the seed's 68 CPUs of requests across the namespaces.
    expect(requested.map(Number).reduce((a, b) => a + b, 0)).toBe(68);
  });

  it('gives containers defaults and caps one container at a quarter of the namespace limits', () => {
    expect(find('LimitRange', 'platform-monitoring', 'container-defaults').spec).toStrictEqual({
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: '100m', memory: '128Mi' },
          default: { cpu: '500m', memory: '512Mi' },
          max: { cpu: '6', memory: '12Gi' },
        },
      ],
    });
  });

  it('enforces restricted Pod Security where the platform runs its own workloads', () => {
    const enforce = Object.fromEntries(PLATFORM_NAMESPACES.map((ns) => [ns, find('Namespace', undefined, ns).metadata.labels!['pod-security.kubernetes.io/enforce']]));
    expect(enforce).toStrictEqual({
      'platform-system': 'baseline',
      'platform-apps': 'restricted',
      'platform-data': 'restricted',
      'platform-monitoring': 'privileged',
      'platform-policy': 'restricted',
    });
    for (const ns of PLATFORM_NAMESPACES) expect(find('Namespace', undefined, ns).metadata.labels!['pod-security.kubernetes.io/warn']).toBe('restricted');
  });

  it('denies all traffic by default in every namespace, then allows DNS', () => {
    for (const ns of PLATFORM_NAMESPACES) {
      expect(find('NetworkPolicy', ns, 'default-deny').spec).toStrictEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] });
      expect(find('NetworkPolicy', ns, 'allow-dns').spec).toStrictEqual({
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
            ports: [
              { port: 53, protocol: 'UDP' },
              { port: 53, protocol: 'TCP' },
            ],
          },
        ],
      });
    }
  });

  it('lets platform-data reach the data endpoints in the database subnets only', () => {
    expect(find('NetworkPolicy', 'platform-data', 'allow-data-endpoints').spec).toStrictEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ipBlock: { cidr: '10.10.64.0/24' } }, { ipBlock: { cidr: '10.10.65.0/24' } }],
          ports: [
            { port: 5432, protocol: 'TCP' },
            { port: 6379, protocol: 'TCP' },
            { port: 9098, protocol: 'TCP' },
          ],
        },
      ],
    });
    expect(manifests.some((m) => m.kind === 'NetworkPolicy' && m.metadata.namespace === 'platform-apps' && m.metadata.name === 'allow-data-endpoints')).toBe(false);
  });

  it('opens add-on namespaces to the control plane on the webhook ports only, never subnet-wide', () => {
    for (const ns of ['platform-system', 'platform-policy', 'platform-monitoring']) {
      const rule = (find('NetworkPolicy', ns, 'allow-from-control-plane').spec as any).ingress[0];
      expect(rule.from).toStrictEqual(env.network.subnets.private.map((cidr) => ({ ipBlock: { cidr } })));
      expect(rule.ports.length).toBeGreaterThan(0);
      for (const port of rule.ports) expect([6443, 8443, 9443, 10250]).toContain(port.port);
    }
  });

  it('admits the Atlantis load balancer from the public subnets, only where the environment hosts Atlantis', () => {
    expect(manifests.some((m) => m.metadata.name === 'allow-atlantis-from-load-balancer')).toBe(env.hostsPlatformTooling);
    const tooling = baselineManifests(environmentWith([], { hostsPlatformTooling: true }));
    const policy = tooling.find((m) => m.kind === 'NetworkPolicy' && m.metadata.name === 'allow-atlantis-from-load-balancer') as Manifest;
    expect(policy.spec).toStrictEqual({
      podSelector: { matchLabels: { app: 'atlantis' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: env.network.subnets.public.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ port: 4141, protocol: 'TCP' }] }],
    });
  });

  it('makes encrypted gp3 the default storage class, retaining volumes where databases are deletion-protected', () => {
    expect(find('StorageClass', undefined, 'gp3-encrypted')).toMatchObject({
      metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      parameters: { encrypted: 'true', type: 'gp3' },
      reclaimPolicy: 'Delete',
    });
    const prod = environmentWith([], { database: { ...env.database, deletionProtection: true } });
    expect(baselineManifests(prod).find((m) => m.kind === 'StorageClass')).toMatchObject({ reclaimPolicy: 'Retain' });
  });
});
