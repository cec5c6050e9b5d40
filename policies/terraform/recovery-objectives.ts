/**
 * TF-017: the configuration meets the recovery objectives the environment states. Each component's
 * data carries its objectives as tags (generators/terraform/recovery/objective-tags.ts); this rule
 * checks what the generated output can prove about the recovery point:
 *  - database: point-in-time recovery is on (`backup_retention_period` ≥ 1) and the RPO is not below
 *    its five-minute granularity;
 *  - data-lake, terraform-state: the bucket is versioned (an overwrite or delete loses nothing);
 *  - kubernetes: the bucket is versioned and an enabled Velero schedule runs at least every RPO.
 * RTOs are stated and shown in the runbook; how long a restore takes cannot be proven offline.
 */
import type { KubeObject } from '../engine/kubernetes.js';
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';
import type { Finding, Rule } from '../engine/types.js';
import { at, dict, num, str } from '../engine/values.js';
import { dailyCronMaxGapMinutes } from './cron-interval.js';
import { blockFinding } from './finding.js';

/** Aurora restores to any second of the retention window, up to about five minutes before now. */
export const POINT_IN_TIME_RPO_MINUTES = 5;
const COMPONENTS = ['kubernetes', 'database', 'data-lake', 'terraform-state'];

const minutes = (value: unknown) => (typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : undefined);

function versioned(bucket: TerraformBlock, tf: TerraformEnvironment): boolean {
  return tf
    .resources('aws_s3_bucket_versioning')
    .some((v) => tf.refersTo(v.attrs.bucket, v.stack, bucket) && str(at(v.attrs, 'versioning_configuration', 'status')) === 'Enabled');
}

/** The longest gap between Velero backups, from the Velero Applications' schedules; undefined when there is none. */
function veleroGap(kubernetes: KubeObject[]): { gap?: number; unreadable: string[] } {
  const schedules = kubernetes
    .filter((o) => o.kind === 'Application' && str(at(o.object, 'spec', 'source', 'chart')) === 'velero')
    .flatMap((o) => Object.values(dict(at(o.object, 'spec', 'source', 'helm', 'valuesObject', 'schedules'))))
    .filter((s) => dict(s).disabled !== true)
    .map((s) => str(dict(s).schedule) ?? '');
  const gaps = schedules.map((s) => dailyCronMaxGapMinutes(s));
  const readable = gaps.filter((g): g is number => g !== undefined);
  return { gap: readable.length > 0 ? Math.min(...readable) : undefined, unreadable: schedules.filter((_, i) => gaps[i] === undefined) };
}

function componentProblems(block: TerraformBlock, tf: TerraformEnvironment, kubernetes: KubeObject[]): string[] {
  const tags = dict(block.attrs.tags);
  const component = str(tags['recovery-component']) ?? '';
  const rpo = minutes(tags['recovery-rpo-minutes']);
  if (!COMPONENTS.includes(component)) return [`recovery-component "${component}" is not one of ${COMPONENTS.join(', ')}`];
  if (rpo === undefined || minutes(tags['recovery-rto-minutes']) === undefined) return ['recovery-rpo-minutes and recovery-rto-minutes must be whole minutes'];

  if (component === 'database') {
    if (block.type !== 'aws_rds_cluster') return [`recovery-component database belongs on an aws_rds_cluster, not ${block.type}`];
    const retention = num(block.attrs.backup_retention_period) ?? 1;
    if (retention < 1) return ['point-in-time recovery is off (backup_retention_period < 1), so no RPO can be met'];
    return rpo < POINT_IN_TIME_RPO_MINUTES ? [`RPO of ${rpo} minutes is below point-in-time recovery's ${POINT_IN_TIME_RPO_MINUTES}`] : [];
  }
  if (block.type !== 'aws_s3_bucket') return [`recovery-component ${component} belongs on an aws_s3_bucket, not ${block.type}`];
  const problems = versioned(block, tf) ? [] : [`${component} RPO needs versioning: no aws_s3_bucket_versioning with status Enabled for this bucket`];
  if (component === 'kubernetes') {
    const { gap, unreadable } = veleroGap(kubernetes);
    problems.push(...unreadable.map((s) => `Velero schedule "${s}" does not run every day at fixed times, so its interval cannot be checked against the RPO`));
    if (gap === undefined && unreadable.length === 0) problems.push('no enabled Velero schedule backs the cluster up');
    else if (gap !== undefined && gap > rpo) problems.push(`Velero backs up every ${gap} minutes at best, over the RPO of ${rpo}`);
  }
  return problems;
}

export const recoveryObjectives: Rule = {
  id: 'TF-017',
  severity: 'error',
  area: 'terraform',
  title: 'Recovery objectives are met',
  checks:
    'Every `aws_rds_cluster` states recovery objectives (tags `recovery-component`, `recovery-rpo-minutes`, `recovery-rto-minutes`). For each tagged resource: database — point-in-time recovery on and RPO ≥ 5 minutes; data-lake and terraform-state — the bucket is versioned; kubernetes — the Velero bucket is versioned and an enabled Velero schedule (read from the Velero Application) runs at least every RPO. Cannot see: restore durations (RTO), nor whether a copy survives the loss of the region.',
  why: 'An objective nobody checks is a hope; a changed backup schedule or retention must fail the pull request that breaks the promise, not the restore.',
  fix: 'Raise the objective in `recovery.objectives` of the environment, or back up more often (Velero schedule, `database.backupRetentionDays`).',
  check: ({ terraform, kubernetes }) => {
    const tagged = terraform.resources().filter((b) => dict(b.attrs.tags)['recovery-component'] !== undefined);
    const unstated: Finding[] = terraform
      .resources('aws_rds_cluster')
      .filter((b) => dict(b.attrs.tags)['recovery-component'] === undefined)
      .map((b) => blockFinding(b, 'states no recovery objectives (tags recovery-component, recovery-rpo-minutes, recovery-rto-minutes)'));
    return [...unstated, ...tagged.flatMap((b) => componentProblems(b, terraform, kubernetes).map((m) => blockFinding(b, m)))];
  },
};
