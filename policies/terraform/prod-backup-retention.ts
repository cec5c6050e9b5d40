/** TF-011: in prod, backups are kept at least a week. */
import type { Rule } from '../engine/types.js';
import { at, blocks, isTrue, num } from '../engine/values.js';
import { checkEachType, type BlockCheck } from './finding.js';

export const MIN_RETENTION_DAYS = 7;

const atLeast = (value: unknown, attribute: string, fallback: number) => {
  const days = num(value) ?? fallback;
  return days >= MIN_RETENTION_DAYS ? [] : [`${attribute} is ${days} day(s), below ${MIN_RETENTION_DAYS}`];
};

/** Provider defaults apply when an attribute is absent: Aurora keeps 1 day, RDS and ElastiCache none. */
const CHECKS: Record<string, BlockCheck> = {
  aws_rds_cluster: (b) => atLeast(b.attrs.backup_retention_period, 'backup_retention_period', 1),
  aws_db_instance: (b) => atLeast(b.attrs.backup_retention_period, 'backup_retention_period', 0),
  aws_elasticache_replication_group: (b) => atLeast(b.attrs.snapshot_retention_limit, 'snapshot_retention_limit', 0),
  aws_dynamodb_table: (b) => (blocks(b.attrs.point_in_time_recovery).some((p) => isTrue(p.enabled)) ? [] : ['point_in_time_recovery is not enabled']),
  aws_backup_plan: (b) =>
    blocks(b.attrs.rule).flatMap((r) => {
      const days = num(at(blocks(r.lifecycle)[0], 'delete_after'));
      return days !== undefined && days < MIN_RETENTION_DAYS ? [`rule ${String(r.rule_name)} deletes recovery points after ${days} day(s)`] : [];
    }),
};

export const prodBackupRetention: Rule = {
  id: 'TF-011',
  severity: 'error',
  area: 'terraform',
  title: `Prod: backup retention of at least ${MIN_RETENTION_DAYS} days`,
  checks: `In every production environment (\`tier: 'production'\`): Aurora/RDS \`backup_retention_period\` and ElastiCache \`snapshot_retention_limit\` are at least ${MIN_RETENTION_DAYS} (defaults count when unset); DynamoDB tables enable point-in-time recovery; AWS Backup rules keep recovery points at least ${MIN_RETENTION_DAYS} days.`,
  why: 'Corruption or a bad migration is often noticed days later; a week of restore points is the minimum to recover without data loss.',
  fix: `Raise the retention in the production environment (\`database.backupRetentionDays\`, \`cache.snapshotRetentionDays\`) to ${MIN_RETENTION_DAYS} or more.`,
  check: ({ tier, terraform }) =>
    tier !== 'production'
      ? []
      : checkEachType(terraform, CHECKS),
};
