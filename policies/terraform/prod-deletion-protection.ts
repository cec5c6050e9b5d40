/** TF-009: in prod, stateful resources are protected against deletion. */
import type { Rule } from '../engine/types.js';
import { isTrue } from '../engine/values.js';
import { checkEachType, type BlockCheck } from './finding.js';

const CHECKS: Record<string, BlockCheck> = {
  aws_rds_cluster: (b) => [
    ...(isTrue(b.attrs.deletion_protection) ? [] : ['deletion_protection is not true']),
    ...(isTrue(b.attrs.skip_final_snapshot) ? ['skip_final_snapshot is true'] : []),
  ],
  aws_db_instance: (b) => [
    ...(isTrue(b.attrs.deletion_protection) ? [] : ['deletion_protection is not true']),
    ...(isTrue(b.attrs.skip_final_snapshot) ? ['skip_final_snapshot is true'] : []),
  ],
  aws_dynamodb_table: (b) => (isTrue(b.attrs.deletion_protection_enabled) ? [] : ['deletion_protection_enabled is not true']),
  aws_lb: (b) => (isTrue(b.attrs.enable_deletion_protection) ? [] : ['enable_deletion_protection is not true']),
  aws_alb: (b) => (isTrue(b.attrs.enable_deletion_protection) ? [] : ['enable_deletion_protection is not true']),
  aws_s3_bucket: (b) => (isTrue(b.attrs.force_destroy) ? ['force_destroy is true (destroy would delete every object)'] : []),
};

export const prodDeletionProtection: Rule = {
  id: 'TF-009',
  severity: 'error',
  area: 'terraform',
  title: 'Prod: deletion protection',
  checks: 'In every production environment (`tier: \'production\'`): Aurora/RDS set `deletion_protection` and do not `skip_final_snapshot`; DynamoDB tables set `deletion_protection_enabled`; load balancers `enable_deletion_protection`; no S3 bucket sets `force_destroy`.',
  why: 'A mistaken plan (a renamed resource, a removed stack) must not be able to destroy production data in one apply.',
  fix: 'Set the protection in the production environment (e.g. `database.deletionProtection: true`); to really delete, turn it off in a reviewed change first.',
  check: ({ tier, terraform }) =>
    tier !== 'production'
      ? []
      : checkEachType(terraform, CHECKS),
};
