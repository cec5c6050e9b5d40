/**
 * The `karpenter-node-pools` app: an EC2NodeClass and a NodePool per node pool Karpenter scales,
 * derived from `eks.nodePools`. It needs the Karpenter controller's CRDs, so it syncs after it.
 */
import type { NodePool } from '../../../environments/types.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { chartManifests, newChart, type Manifest } from '../chart.js';
import { customResource } from '../crds.js';
import { standardLabels } from '../labels.js';
import { nodeClass } from './node-class.js';
import { nodePool } from './node-pool.js';

export const NODE_POOLS_APP = 'karpenter-node-pools';
/** Runs the controllers, Karpenter included, so its managed node group never waits on Karpenter. */
const SYSTEM_POOL = 'system';

/** Every configured pool but the system pool. */
export function karpenterPools(env: ResolvedEnvironment): NodePool[] {
  return env.eks.nodePools.filter((pool) => pool.name !== SYSTEM_POOL);
}

export function nodePoolManifests(env: ResolvedEnvironment): Manifest[] {
  const chart = newChart(NODE_POOLS_APP, standardLabels(NODE_POOLS_APP, 'node-pools'));
  for (const pool of karpenterPools(env)) {
    // One node class per pool: pools differ in disk size.
    customResource(chart, `ec2nodeclass-${pool.name}`, nodeClass(env, pool, `kubernetes/${NODE_POOLS_APP}`));
    customResource(chart, `nodepool-${pool.name}`, nodePool(env, pool, pool.name));
  }
  return chartManifests(chart);
}
