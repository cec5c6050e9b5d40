/**
 * The part of Karpenter's v1 API this repository sets: NodePool (karpenter.sh/v1) and EC2NodeClass
 * (karpenter.k8s.aws/v1). No Node-20 model package exists for Karpenter, so these types are written
 * by hand; tests validate the generated objects against the JSON Schemas in ../schemas/.
 */
import type { Taint } from '../../../environments/types.js';

export const NODE_POOL_API = 'karpenter.sh/v1';
export const NODE_CLASS_GROUP = 'karpenter.k8s.aws';
export const NODE_CLASS_API = `${NODE_CLASS_GROUP}/v1` as const;

/** Well-known node labels NodePool requirements select on. */
export const NODE_LABELS = {
  arch: 'kubernetes.io/arch',
  os: 'kubernetes.io/os',
  zone: 'topology.kubernetes.io/zone',
  capacityType: 'karpenter.sh/capacity-type',
  instanceFamily: 'karpenter.k8s.aws/instance-family',
  instanceCpu: 'karpenter.k8s.aws/instance-cpu',
} as const;

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values: string[];
}

interface Metadata {
  name: string;
  labels?: Record<string, string>;
}

export interface NodePoolManifest {
  apiVersion: typeof NODE_POOL_API;
  kind: 'NodePool';
  metadata: Metadata;
  spec: {
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        nodeClassRef: { group: typeof NODE_CLASS_GROUP; kind: 'EC2NodeClass'; name: string };
        requirements: NodeSelectorRequirement[];
        taints: Taint[];
        /** Go durations (`720h`): nodes are replaced after this age ... */
        expireAfter: string;
        /** ... and drained within this time even if a PodDisruptionBudget blocks the drain. */
        terminationGracePeriod: string;
      };
    };
    /** Total capacity of the nodes this NodePool may launch. */
    limits: { cpu: string; memory: string };
    disruption: {
      consolidationPolicy: 'WhenEmpty' | 'WhenEmptyOrUnderutilized';
      consolidateAfter: string;
      budgets: { nodes: string }[];
    };
  };
}

export interface SelectorTerm {
  tags: Record<string, string>;
}

export interface EC2NodeClassManifest {
  apiVersion: typeof NODE_CLASS_API;
  kind: 'EC2NodeClass';
  metadata: Metadata;
  spec: {
    amiFamily: 'AL2023';
    amiSelectorTerms: { alias: string }[];
    /** IAM role of the nodes; Karpenter creates and owns the instance profile. */
    role: string;
    subnetSelectorTerms: SelectorTerm[];
    securityGroupSelectorTerms: SelectorTerm[];
    associatePublicIPAddress: boolean;
    metadataOptions: {
      httpEndpoint: 'enabled' | 'disabled';
      httpProtocolIPv6: 'enabled' | 'disabled';
      httpPutResponseHopLimit: number;
      httpTokens: 'required' | 'optional';
    };
    blockDeviceMappings: {
      deviceName: string;
      rootVolume: boolean;
      ebs: { volumeSize: string; volumeType: 'gp3'; encrypted: boolean; deleteOnTermination: boolean };
    }[];
    tags: Record<string, string>;
  };
}
