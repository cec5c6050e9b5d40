/** TF-004: no database or broker is reachable from the internet. */
import type { Rule } from '../engine/types.js';
import { at, blocks, isTrue } from '../engine/values.js';
import { checkEachType, type BlockCheck } from './finding.js';

const PUBLICLY_ACCESSIBLE: BlockCheck = (b) => (isTrue(b.attrs.publicly_accessible) ? ['publicly_accessible is true'] : []);

const CHECKS: Record<string, BlockCheck> = {
  aws_db_instance: PUBLICLY_ACCESSIBLE,
  aws_rds_cluster_instance: PUBLICLY_ACCESSIBLE,
  aws_redshift_cluster: PUBLICLY_ACCESSIBLE,
  aws_msk_cluster: (b) => {
    const access = at(blocks(at(blocks(b.attrs.broker_node_group_info)[0], 'connectivity_info'))[0], 'public_access');
    const type = at(blocks(access)[0], 'type');
    return type !== undefined && type !== 'DISABLED' ? [`public access is ${String(type)}`] : [];
  },
};

export const noPublicDatabase: Rule = {
  id: 'TF-004',
  severity: 'error',
  area: 'terraform',
  title: 'No publicly accessible database',
  checks: 'No RDS/Aurora instance or Redshift cluster sets `publicly_accessible`, and no MSK cluster enables public access.',
  why: 'A public endpoint exposes the database to credential stuffing and every future engine vulnerability; data stores belong in the database subnets, reachable from the VPC only.',
  fix: 'Remove `publicly_accessible` (it defaults to false) or set it to false; reach the database through the VPC.',
  check: ({ terraform }) => checkEachType(terraform, CHECKS),
};
