import { describe, expect, it } from 'vitest';
import { kubeObjects } from '../engine/kubernetes.js';
import { cidrs } from './addresses.js';
import type { Endpoint, FlowPort, PodEndpoint } from './endpoints.js';
import { networkPolicies } from './network-policies.js';
import { verdict, type Cluster, type Strength } from './semantics.js';

const POD_SUBNETS = cidrs(['10.0.16.0/20', '10.0.32.0/20']);

const pod = (namespace: string, labels: Record<string, string>, extra: Partial<PodEndpoint> = {}): PodEndpoint => ({
  kind: 'pod',
  id: `${namespace}/${Object.values(labels).join(',')}`,
  namespace,
  labels,
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }],
  addresses: POD_SUBNETS,
  policed: true,
  anonymous: false,
  file: 'x.yaml',
  ...extra,
});
const net = (...list: string[]): Endpoint => ({ kind: 'network', id: list.join(','), addresses: cidrs(list) });

const web = pod('apps', { app: 'web' });
const api = pod('apps', { app: 'api', tier: 'backend' });
const monitor = pod('monitoring', { app: 'prometheus' });
const tcp = (port?: number): FlowPort => ({ protocol: 'TCP', ...(port === undefined ? {} : { port }) });

/** A cluster with these NetworkPolicies (spec only; namespace `apps` unless given). */
function cluster(specs: (Record<string, unknown> & { namespace?: string })[], enforced = true): Cluster {
  const documents = specs.map(({ namespace, ...spec }, i) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `p${i}`, namespace: namespace ?? 'apps' }, spec }));
  return {
    enforced,
    policies: networkPolicies(kubeObjects([{ path: 'policies.yaml', documents }])),
    namespaceLabels: (ns) => ({ 'kubernetes.io/metadata.name': ns, ...(ns === 'monitoring' ? { team: 'sre' } : {}) }),
  };
}

const denyAll = { podSelector: {}, policyTypes: ['Ingress', 'Egress'] };
const toApi = (rule: Record<string, unknown>) => ({ podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [rule] });

interface Case {
  name: string;
  policies: Parameters<typeof cluster>[0];
  from: Endpoint;
  to: Endpoint;
  port: FlowPort;
  strength?: Strength;
  enforced?: boolean;
  allowed: boolean;
}

const cases: Case[] = [
  { name: 'no policy: nothing is isolated', policies: [], from: web, to: api, port: tcp(8080), allowed: true },
  { name: 'enforcement off: a default deny is inert', policies: [denyAll], from: web, to: api, port: tcp(8080), enforced: false, allowed: true },
  { name: 'default deny isolates both ends', policies: [denyAll], from: web, to: api, port: tcp(8080), allowed: false },
  { name: 'policyTypes defaults to Ingress: egress stays open', policies: [{ podSelector: {}, ingress: [{}] }], from: web, to: net('8.8.8.8/32'), port: tcp(443), allowed: true },
  { name: 'policyTypes defaults add Egress when egress rules exist', policies: [{ podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }], from: web, to: net('8.8.8.8/32'), port: tcp(443), allowed: false },
  { name: 'policyTypes Egress only: ingress rules are ignored, ingress open', policies: [{ podSelector: {}, policyTypes: ['Egress'], ingress: [] }], from: monitor, to: api, port: tcp(8080), allowed: true },
  { name: 'a policy selecting other pods does not isolate this one', policies: [{ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] }], from: web, to: api, port: tcp(8080), allowed: true },
  { name: 'allows are a union over policies', policies: [denyAll, toApi({ ports: [{ port: 9090 }] }), toApi({ ports: [{ port: 8080 }] }), { podSelector: {}, policyTypes: ['Egress'], egress: [{}] }], from: web, to: api, port: tcp(8080), allowed: true },
  { name: 'podSelector alone: same namespace only', policies: [toApi({ from: [{ podSelector: { matchLabels: { app: 'prometheus' } } }] })], from: monitor, to: api, port: tcp(8080), allowed: false },
  { name: 'namespaceSelector alone: every pod of the namespace', policies: [toApi({ from: [{ namespaceSelector: { matchLabels: { team: 'sre' } } }] })], from: monitor, to: api, port: tcp(8080), allowed: true },
  { name: 'namespaceSelector and podSelector in one peer: both must match', policies: [toApi({ from: [{ namespaceSelector: { matchLabels: { team: 'sre' } }, podSelector: { matchLabels: { app: 'grafana' } } }] })], from: monitor, to: api, port: tcp(8080), allowed: false },
  { name: 'matchExpressions NotIn', policies: [toApi({ from: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] } }] })], from: web, to: api, port: tcp(8080), allowed: false },
  { name: 'empty from: every source', policies: [toApi({ ports: [{ port: 8080 }] })], from: net('203.0.113.0/24'), to: api, port: tcp(8080), allowed: true },
  { name: 'ipBlock admits a network inside it', policies: [toApi({ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }] })], from: net('10.0.0.0/24'), to: api, port: tcp(8080), allowed: true },
  { name: 'ipBlock except carves the network out', policies: [toApi({ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/24'] } }] })], from: net('10.0.0.0/24'), to: api, port: tcp(8080), allowed: false },
  { name: 'ipBlocks of several rules add up to cover a network', policies: [toApi({ from: [{ ipBlock: { cidr: '10.0.0.0/25' } }] }), toApi({ from: [{ ipBlock: { cidr: '10.0.0.128/25' } }] })], from: net('10.0.0.0/24'), to: api, port: tcp(8080), allowed: true },
  { name: 'ipBlock covering one pod subnet: not certain to admit a pod', policies: [toApi({ from: [{ ipBlock: { cidr: '10.0.16.0/20' } }] })], from: web, to: api, port: tcp(8080), allowed: false },
  { name: 'ipBlock covering one pod subnet: possible that it admits a pod', policies: [toApi({ from: [{ ipBlock: { cidr: '10.0.16.0/20' } }] })], from: web, to: api, port: tcp(8080), strength: 'possible', allowed: true },
  { name: 'ipBlock never matching a pod subnet', policies: [toApi({ from: [{ ipBlock: { cidr: '10.0.0.0/24' } }] })], from: web, to: api, port: tcp(8080), strength: 'possible', allowed: false },
  { name: 'several ipBlocks, possible: one meeting a pod subnet is enough', policies: [toApi({ from: [{ ipBlock: { cidr: '10.0.0.0/24' } }, { ipBlock: { cidr: '10.0.40.0/24' } }] })], from: web, to: api, port: tcp(8080), strength: 'possible', allowed: true },
  { name: 'several ipBlocks, possible: none meeting a pod subnet', policies: [toApi({ from: [{ ipBlock: { cidr: '10.0.0.0/24' } }, { ipBlock: { cidr: '10.0.48.0/24' } }] })], from: web, to: api, port: tcp(8080), strength: 'possible', allowed: false },
  { name: 'the same cidr with another except is another block', policies: [toApi({ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/24'] } }] }), toApi({ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }] })], from: net('10.0.0.0/24'), to: api, port: tcp(8080), allowed: true },
  { name: 'the same cidr with the same except, twice, still carves it out', policies: [toApi({ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/24'] } }] }), toApi({ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/24'] } }] })], from: net('10.0.0.0/24'), to: api, port: tcp(8080), allowed: false },
  { name: 'numeric port: other ports denied', policies: [toApi({ ports: [{ port: 9090 }] })], from: web, to: api, port: tcp(8080), allowed: false },
  { name: 'protocol defaults to TCP: UDP denied', policies: [toApi({ ports: [{ port: 53 }] })], from: web, to: api, port: { protocol: 'UDP', port: 53 }, allowed: false },
  { name: 'endPort: a range', policies: [toApi({ ports: [{ port: 8000, endPort: 8100 }] })], from: web, to: api, port: tcp(8080), allowed: true },
  { name: 'named port: the destination container port of that name', policies: [toApi({ ports: [{ port: 'http' }] })], from: web, to: api, port: tcp(8080), allowed: true },
  { name: 'named port: another number under that name does not match', policies: [toApi({ ports: [{ port: 'http' }] })], from: web, to: api, port: tcp(9090), allowed: false },
  { name: 'named port: the name with another protocol does not match', policies: [toApi({ ports: [{ port: 'dns', protocol: 'TCP' }] })], from: web, to: api, port: tcp(53), allowed: false },
  { name: 'named egress port resolves on the destination pod', policies: [{ podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] }], from: web, to: api, port: tcp(8080), allowed: true },
  { name: 'named port never matches a network', policies: [{ podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'https' }] }] }], from: web, to: net('8.8.8.8/32'), port: tcp(443), allowed: false },
  { name: '"any other port" passes only rules without ports', policies: [toApi({ ports: [{ port: 8080 }] })], from: web, to: api, port: tcp(), allowed: false },
  { name: '"any other port" passes a rule without ports', policies: [toApi({ from: [{ podSelector: {} }] })], from: web, to: api, port: tcp(), allowed: true },
  { name: 'an unpoliced destination still needs the source egress', policies: [denyAll], from: web, to: pod('apps', { app: 'api' }, { policed: false }), port: tcp(8080), strength: 'certain', allowed: false },
];

describe('NetworkPolicy semantics, table-driven', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(verdict(cluster(c.policies, c.enforced ?? true), c.from, c.to, c.port, c.strength ?? 'certain').allowed).toBe(c.allowed);
  });

  it('names the side that denies', () => {
    const onlyIngress = cluster([{ podSelector: {}, policyTypes: ['Ingress'] }]);
    expect(verdict(onlyIngress, web, api, tcp(8080), 'certain').deniedBy).toBe('ingress of the destination');
    const onlyEgress = cluster([{ podSelector: {}, policyTypes: ['Egress'] }]);
    expect(verdict(onlyEgress, web, api, tcp(8080), 'certain').deniedBy).toBe('egress of the source');
  });

  it('does not police host-network pods on either side', () => {
    const c = cluster([denyAll]);
    const host = (p: PodEndpoint) => ({ ...p, policed: false });
    expect(verdict(c, host(web), host(api), tcp(8080), 'certain').allowed).toBe(true);
  });
});
