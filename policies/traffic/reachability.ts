/**
 * K8S-020: the traffic the platform needs is allowed, and nothing else reaches application pods.
 * Computes NetworkPolicy semantics (semantics.ts) over the environment's generated policies and the
 * fact, read from Terraform, that the VPC CNI enforces them.
 */
import type { KubeObject } from '../engine/kubernetes.js';
import type { Finding, Rule } from '../engine/types.js';
import { dict } from '../engine/values.js';
import { isEmpty } from './addresses.js';
import { describePort, type FlowPort, type PodEndpoint } from './endpoints.js';
import { ingressCandidates, PodIndex } from './ingress-candidates.js';
import { inventory, type Inventory } from './inventory.js';
import { networkPolicies, type Policy } from './network-policies.js';
import { neededFlows, type NeededFlow } from './needed-flows.js';
import { sideAllows, verdict, type Cluster } from './semantics.js';
import { topology } from './topology.js';

/** What a finding (and an exception) names: a Git workload as `Kind/namespace/name`, a chart's pods or a network by description. */
const resourceOf = (endpoint: { kind: string; id: string }) => endpoint.id;

export function namespaceLabels(objects: readonly KubeObject[]): (namespace: string) => Record<string, string> {
  const declared = new Map(objects.filter((o) => o.kind === 'Namespace').map((o) => [o.name, dict(dict(o.object.metadata).labels)]));
  const cache = new Map<string, Record<string, string>>();
  return (namespace) => {
    let labels = cache.get(namespace);
    if (!labels) {
      const own = Object.fromEntries(Object.entries(declared.get(namespace) ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
      // The API server sets this label on every namespace.
      labels = { ...own, 'kubernetes.io/metadata.name': namespace };
      cache.set(namespace, labels);
    }
    return labels;
  };
}

function deniedFindings(cluster: Cluster, needed: NeededFlow[]): Finding[] {
  return needed.flatMap((flow) => {
    if ((flow.source.kind === 'network' && isEmpty(flow.source.addresses)) || (flow.destination.kind === 'network' && isEmpty(flow.destination.addresses))) return [];
    const result = verdict(cluster, flow.source, flow.destination, flow.port, 'certain');
    if (result.allowed) return [];
    const blocked = result.deniedBy === 'egress of the source' ? flow.source : flow.destination;
    return [
      {
        file: flow.file,
        resource: resourceOf(blocked),
        message: `needed flow ${flow.source.id} → ${flow.destination.id} on ${describePort(flow.port)} is denied by the ${result.deniedBy} (needed because ${flow.reason})`,
      },
    ];
  });
}

/** Port classes to try against a pod: its container ports, or for pods Git does not list every port any policy names plus "any other port". */
function candidatePorts(pod: PodEndpoint, policies: readonly Policy[]): FlowPort[] {
  if (!pod.anonymous) return pod.ports.map((p) => ({ protocol: p.protocol, port: p.port }));
  const named = new Map<string, FlowPort>();
  for (const policy of policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const p of rule.ports ?? []) if (typeof p.port === 'number') named.set(`${p.protocol}/${p.port}`, { protocol: p.protocol, port: p.port });
    }
  }
  return [...named.values(), { protocol: 'TCP' }, { protocol: 'UDP' }];
}

/**
 * Flows between pods, at least one of them in an application namespace, that the policies may allow
 * but nothing needs. Within and between platform namespaces (where charts run pods Git does not
 * show) only needed flows are checked. Namespaces without any NetworkPolicy are K8S-010's to report.
 */
function undeclaredFindings(cluster: Cluster, pods: Inventory, needed: NeededFlow[]): Finding[] {
  const declared = new Set(needed.map((f) => `${f.source.id}|${f.destination.id}|${f.port.protocol}|${f.port.port}`));
  const findings: Finding[] = [];
  // A namespace without any NetworkPolicy admits everything: K8S-010 reports it (or its dated exception excuses it).
  const policed = new Set(cluster.policies.map((p) => p.namespace));
  const index = new PodIndex(pods.all);
  for (const destination of pods.all.filter((p) => policed.has(p.namespace))) {
    const ports = candidatePorts(destination, cluster.policies);
    const destinationInApplication = pods.applicationNamespaces.has(destination.namespace);
    // Only the pods the destination's ingress may admit (ingress-candidates.ts): the others fail the first check below anyway.
    const candidates = ingressCandidates(cluster, index, destination);
    for (const source of candidates === 'all' ? pods.all : candidates.map((position) => pods.all[position]!)) {
      if (!destinationInApplication && !pods.applicationNamespaces.has(source.namespace)) continue;
      // The destination's ingress first: it rejects most pairs at once.
      const open: FlowPort[] = [];
      for (const port of ports) {
        if (!sideAllows(cluster, destination, 'Ingress', source, port, 'possible')) continue;
        if (!sideAllows(cluster, source, 'Egress', destination, port, 'possible')) continue;
        if (!declared.has(`${source.id}|${destination.id}|${port.protocol}|${port.port}`)) open.push(port);
      }
      if (open.length === 0) continue;
      const inApplication = pods.applicationNamespaces.has(destination.namespace) ? destination : source;
      findings.push({
        file: inApplication.file,
        resource: resourceOf(inApplication),
        message: `${source.id} → ${destination.id} on ${open.map(describePort).join(', ')} is allowed but nothing declares it`,
      });
    }
  }
  return findings;
}

export const trafficReachability: Rule = {
  id: 'K8S-020',
  severity: 'error',
  area: 'kubernetes',
  title: 'Needed traffic allowed, nothing else reaches application pods',
  checks:
    'With NetworkPolicies enforced (vpc-cni `enableNetworkPolicy` in the cluster stack), every flow the output needs is allowed by both ends: load balancer → Ingress backends, pod → the cluster Services its configuration names, data stores, AWS APIs, CoreDNS, Prometheus → ServiceMonitor/PodMonitor targets, controllers → API server, Argo CD → its sources, control plane → webhooks; and no pod-to-pod flow into or out of an application namespace is allowed that none of these declares.',
  why: 'Without enforcement every default deny is inert; with it, one missing allow takes a service or add-on down at the first apply, and one allow too wide (a subnet where every pod lives) lets any compromised pod reach what it should not.',
  fix: 'Enable network policy in the vpc-cni add-on; add the missing allow on the side named (egress of the source or ingress of the destination); narrow an allow that admits undeclared pods (a pod selector or the ports it needs instead of a subnet), or declare the dependency in the service.',
  check: ({ environment, kubernetes, terraform }) => {
    const policies = networkPolicies(kubernetes);
    // Enforcement and addresses are the cluster's: without an EKS cluster in the environment's Terraform there is nothing to check.
    if (environment === null || terraform.resources('aws_eks_cluster').length === 0) return [];
    const topo = topology(terraform);
    if (!topo.enforced) {
      const addon = terraform.resources('aws_eks_addon').find((a) => a.attrs.addon_name === 'vpc-cni');
      return [
        {
          file: addon?.file ?? terraform.resources('aws_eks_cluster')[0]!.file,
          resource: addon?.address ?? 'aws_eks_addon',
          message: `NetworkPolicies are not enforced: ${topo.enforcementProblem}; every default deny and allow is inert`,
        },
      ];
    }
    const pods = inventory(kubernetes, topo.podSubnets);
    const cluster: Cluster = { enforced: true, policies, namespaceLabels: namespaceLabels(kubernetes) };
    const needed = neededFlows(kubernetes, pods, topo);
    const seen = new Set<string>();
    return [...deniedFindings(cluster, needed), ...undeclaredFindings(cluster, pods, needed)].filter((f) => {
      const key = `${f.file}|${f.resource}|${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
};

