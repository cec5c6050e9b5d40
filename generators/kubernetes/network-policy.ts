/**
 * Building blocks of NetworkPolicies, shared by the baseline (per namespace) and the service apps
 * (per workload). Every policy is additive on top of the namespace's default deny.
 */
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';

export type Peer = k8s.NetworkPolicyPeer;
export type PolicyPort = k8s.NetworkPolicyPort;

export const CLUSTER_DNS = { namespace: 'kube-system', pods: { 'k8s-app': 'kube-dns' } } as const;

/** Pods in a namespace (all of them when `pods` is omitted). */
export function namespacePeer(namespace: string, pods?: Record<string, string>): Peer {
  return {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
    ...(pods ? { podSelector: { matchLabels: pods } } : {}),
  };
}

/** Pods of the policy's own namespace. */
export function podPeer(pods: Record<string, string>): Peer {
  return { podSelector: { matchLabels: pods } };
}

export function cidrPeers(cidrs: readonly string[]): Peer[] {
  return cidrs.map((cidr) => ({ ipBlock: { cidr } }));
}

export const ANYWHERE: Peer = { ipBlock: { cidr: '0.0.0.0/0' } };

export function tcp(...ports: number[]): PolicyPort[] {
  return ports.map((port) => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) }));
}

export function udp(...ports: number[]): PolicyPort[] {
  return ports.map((port) => ({ protocol: 'UDP', port: k8s.IntOrString.fromNumber(port) }));
}

/** Egress to the cluster DNS, over UDP and TCP. */
export const dnsEgress: k8s.NetworkPolicyEgressRule = {
  to: [namespacePeer(CLUSTER_DNS.namespace, CLUSTER_DNS.pods)],
  ports: [...udp(53), ...tcp(53)],
};

export interface PolicyProps {
  name: string;
  namespace: string;
  /** Pods the policy applies to; every pod of the namespace when omitted. */
  pods?: Record<string, string>;
  ingress?: k8s.NetworkPolicyIngressRule[];
  egress?: k8s.NetworkPolicyEgressRule[];
}

/** A policy whose policyTypes are exactly the directions it lists rules for. */
export function networkPolicy(scope: Construct, id: string, props: PolicyProps): k8s.KubeNetworkPolicy {
  const policyTypes = [...(props.ingress ? ['Ingress'] : []), ...(props.egress ? ['Egress'] : [])];
  return new k8s.KubeNetworkPolicy(scope, id, {
    metadata: { name: props.name, namespace: props.namespace },
    spec: {
      podSelector: props.pods ? { matchLabels: props.pods } : {},
      policyTypes,
      ...(props.ingress ? { ingress: props.ingress } : {}),
      ...(props.egress ? { egress: props.egress } : {}),
    },
  });
}
