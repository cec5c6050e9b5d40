/**
 * The two ends of a flow: a pod (from a workload in Git, a component an upstream chart renders, or
 * "any other pod" of a namespace whose pods Git does not show) or a network (subnets, the internet).
 */
import type { AddressSet } from './addresses.js';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface PodPort {
  name?: string;
  port: number;
  protocol: Protocol;
}

export interface PodEndpoint {
  kind: 'pod';
  /** What messages call it: `Deployment/platform-apps/api`, `kyverno admission-controller pods`, … */
  id: string;
  namespace: string;
  labels: Record<string, string>;
  ports: PodPort[];
  /** Where its IP can be: the subnets pods get addresses from (VPC CNI). */
  addresses: AddressSet;
  /** False for what the VPC CNI does not police: host-network pods and bare Pods (no owner). */
  policed: boolean;
  /** Pods of a namespace that Git does not list one by one (labels unknown, ports unknown). */
  anonymous: boolean;
  /** The file that declares it (for findings). */
  file: string;
}

export interface NetworkEndpoint {
  kind: 'network';
  id: string;
  addresses: AddressSet;
}

export type Endpoint = PodEndpoint | NetworkEndpoint;

/** A destination port; `port` undefined stands for "a port no rule names". */
export interface FlowPort {
  protocol: Protocol;
  port?: number;
}

export const describePort = (p: FlowPort) => (p.port === undefined ? `any other ${p.protocol} port` : `${p.protocol} ${p.port}`);
