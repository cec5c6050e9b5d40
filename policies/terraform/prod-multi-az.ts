/** TF-010: in prod, databases and caches survive the loss of an availability zone. */
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';
import type { Rule } from '../engine/types.js';
import { isTrue, num } from '../engine/values.js';
import { checkEachType, type BlockCheck } from './finding.js';

/** Aurora instances that belong to a cluster (a `count` meta-argument counts as that many). */
function clusterInstances(tf: TerraformEnvironment, cluster: TerraformBlock): number {
  return tf
    .resources('aws_rds_cluster_instance')
    .filter((i) => tf.refersTo(i.attrs.cluster_identifier, i.stack, cluster) || i.attrs.cluster_identifier === cluster.attrs.cluster_identifier)
    .reduce((total, i) => total + (num(i.attrs.count) ?? 1), 0);
}

const CHECKS: Record<string, BlockCheck> = {
  aws_rds_cluster: (b, tf) => {
    const instances = clusterInstances(tf, b);
    return instances >= 2 ? [] : [`has ${instances} instance(s); at least 2 are needed to fail over to another zone`];
  },
  aws_db_instance: (b) => (isTrue(b.attrs.multi_az) ? [] : ['multi_az is not true']),
  aws_elasticache_replication_group: (b) => [
    ...(isTrue(b.attrs.multi_az_enabled) ? [] : ['multi_az_enabled is not true']),
    ...(isTrue(b.attrs.automatic_failover_enabled) ? [] : ['automatic_failover_enabled is not true']),
  ],
};

export const prodMultiAz: Rule = {
  id: 'TF-010',
  severity: 'error',
  area: 'terraform',
  title: 'Prod: multi-AZ',
  checks: 'In every production environment (`tier: \'production\'`): every Aurora cluster has at least two `aws_rds_cluster_instance`s; RDS instances set `multi_az`; ElastiCache replication groups set `multi_az_enabled` and `automatic_failover_enabled`. (MSK always spreads brokers over its client subnets.)',
  why: 'An availability zone outage must not take the production data plane down with it.',
  fix: 'In the production environment set `database.instances` to 2 or more and `cache.multiAz: true` with at least two nodes.',
  check: ({ tier, terraform }) =>
    tier !== 'production'
      ? []
      : checkEachType(terraform, CHECKS),
};
