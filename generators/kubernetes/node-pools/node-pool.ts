/**
 * The NodePool of a configured node pool: the same architecture, capacity type, instance families,
 * labels and taints as its managed node group, so pods that select the pool land on either. The
 * managed node group keeps `desiredSize` nodes; Karpenter adds at most the rest of `maxSize`
 * (its limits), so the pool never exceeds `maxSize` nodes' worth of capacity in total.
 */
import type { NodePool } from '../../../environments/types.js';
import { instanceShape, type InstanceShape } from '../../model/instance-types.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { compareStrings } from '../../sort.js';
import { NODE_CLASS_GROUP, NODE_LABELS, NODE_POOL_API, type NodePoolManifest, type NodeSelectorRequirement } from './karpenter-api.js';

const ARCHITECTURES: Record<NodePool['architecture'], string> = { x86_64: 'amd64', arm64: 'arm64' };
const CAPACITY_TYPES: Record<NodePool['capacityType'], string> = { ON_DEMAND: 'on-demand', SPOT: 'spot' };
/** Smallest node worth launching: the DaemonSets (CNI, kube-proxy, node exporter, log shipper) fill most of one vCPU. */
const MIN_VCPUS = 2;
/** Nodes are replaced after 30 days (a fresh AMI and kernel) and drained within a day even if a PDB blocks it. */
const EXPIRE_AFTER = '720h';
const TERMINATION_GRACE_PERIOD = '24h';
/** A node must stay empty or underused this long before Karpenter consolidates it, so short dips do not move pods. */
const CONSOLIDATE_AFTER = '5m';
/** At most this share of a pool's Karpenter nodes is disrupted at once (rounded up: at least one). */
const DISRUPTION_BUDGET = '10%';

function shapes(pool: NodePool): InstanceShape[] {
  return pool.instanceTypes.map((type) => {
    const shape = instanceShape(type);
    // The environment checks reject such types before any generator runs.
    if (!shape) throw new Error(`node pool ${pool.name}: instance type ${type} has no known shape`);
    return shape;
  });
}

/** Capacity Karpenter may add on top of the managed node group: (maxSize − desiredSize) of the pool's largest instance. */
export function nodePoolLimits(pool: NodePool): NodePoolManifest['spec']['limits'] {
  const headroom = pool.maxSize - pool.desiredSize;
  const all = shapes(pool);
  return {
    cpu: String(headroom * Math.max(...all.map((s) => s.vcpus))),
    memory: `${headroom * Math.max(...all.map((s) => s.memoryGiB))}Gi`,
  };
}

/** The pool's instance families, in sizes from MIN_VCPUS (or its smallest type) up to its largest type, in the environment's zones. */
export function nodePoolRequirements(env: ResolvedEnvironment, pool: NodePool): NodeSelectorRequirement[] {
  const all = shapes(pool);
  const vcpus = all.map((s) => s.vcpus);
  const families = [...new Set(all.map((s) => s.family))].sort(compareStrings);
  return [
    { key: NODE_LABELS.arch, operator: 'In', values: [ARCHITECTURES[pool.architecture]] },
    { key: NODE_LABELS.os, operator: 'In', values: ['linux'] },
    { key: NODE_LABELS.capacityType, operator: 'In', values: [CAPACITY_TYPES[pool.capacityType]] },
    { key: NODE_LABELS.instanceFamily, operator: 'In', values: families },
    { key: NODE_LABELS.instanceCpu, operator: 'Gt', values: [String(Math.min(MIN_VCPUS, ...vcpus) - 1)] },
    { key: NODE_LABELS.instanceCpu, operator: 'Lt', values: [String(Math.max(...vcpus) + 1)] },
    { key: NODE_LABELS.zone, operator: 'In', values: [...env.aws.availabilityZones] },
  ];
}

export function nodePool(env: ResolvedEnvironment, pool: NodePool, nodeClassName: string): NodePoolManifest {
  return {
    apiVersion: NODE_POOL_API,
    kind: 'NodePool',
    metadata: { name: pool.name },
    spec: {
      template: {
        metadata: { labels: { ...pool.labels } },
        spec: {
          nodeClassRef: { group: NODE_CLASS_GROUP, kind: 'EC2NodeClass', name: nodeClassName },
          requirements: nodePoolRequirements(env, pool),
          taints: pool.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
          expireAfter: EXPIRE_AFTER,
          terminationGracePeriod: TERMINATION_GRACE_PERIOD,
        },
      },
      limits: nodePoolLimits(pool),
      disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: CONSOLIDATE_AFTER, budgets: [{ nodes: DISRUPTION_BUDGET }] },
    },
  };
}
