/**
 * TF-015: every secret the platform creates has a rotation story, within the environment's maximum.
 * Reads the rotation tags generators/terraform/secrets/rotation-tags.ts puts on each secret.
 */
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';
import type { Rule } from '../engine/types.js';
import { at, blocks, dict, isTrue, num, str } from '../engine/values.js';
import { checkEachType } from './finding.js';

const METHODS = ['secrets-manager', 'runbook', 'terraform-apply'];

const dayCount = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : num(value);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The `aws_secretsmanager_secret_rotation` resources that rotate `secret`. */
const rotationsOf = (secret: TerraformBlock, tf: TerraformEnvironment) =>
  tf.resources('aws_secretsmanager_secret_rotation').filter((r) => tf.refersTo(r.attrs.secret_id, r.stack, secret));

function secretProblems(secret: TerraformBlock, tf: TerraformEnvironment): string[] {
  const tags = dict(secret.attrs.tags);
  const method = str(tags.rotation);
  const maxDays = dayCount(tags['rotation-max-days']);
  if (maxDays === undefined) return ['no tag rotation-max-days (the environment\'s secrets.rotationDays)'];
  if (method === undefined || !METHODS.includes(method)) return [`tag rotation is ${method === undefined ? 'missing' : `"${method}"`}; expected one of ${METHODS.join(', ')}`];
  if (method === 'terraform-apply') return [];
  if (method === 'runbook') {
    const days = dayCount(tags['rotation-days']);
    if (days === undefined) return ['rotated by runbook but no tag rotation-days'];
    return days > maxDays ? [`rotated every ${days} days by runbook, over the environment's maximum of ${maxDays}`] : [];
  }
  const rotations = rotationsOf(secret, tf);
  if (rotations.length === 0) return ['tagged rotation=secrets-manager but no aws_secretsmanager_secret_rotation rotates it'];
  return rotations.flatMap((r) => {
    const rules = blocks(r.attrs.rotation_rules)[0];
    const days = num(at(rules, 'automatically_after_days'));
    if (days === undefined) return [`${r.address} has no rotation_rules.automatically_after_days (schedule expressions cannot be checked)`];
    return days > maxDays ? [`${r.address} rotates every ${days} days, over the environment's maximum of ${maxDays}`] : [];
  });
}

export const secretRotation: Rule = {
  id: 'TF-015',
  severity: 'error',
  area: 'terraform',
  title: 'Every secret rotates within the maximum',
  checks:
    'Every `aws_secretsmanager_secret` carries `rotation-max-days` and a `rotation` tag: `secrets-manager` needs an `aws_secretsmanager_secret_rotation` of it with `automatically_after_days` at most the maximum; `runbook` needs `rotation-days` at most the maximum; `terraform-apply` (values AWS assigns, rewritten by every apply) needs nothing more. Aurora and RDS master passwords must be managed by RDS (`manage_master_user_password`), which rotates them every 7 days.',
  why: 'A credential that never changes outlives the people and machines that knew it; the environment states how long that may be (secrets.rotationDays, 90 days in prod).',
  fix: 'Create the secret through the platform helpers (rotationTags in generators/terraform/secrets/), add an aws_secretsmanager_secret_rotation, or add the secret to the runbook rotation; lower the period to secrets.rotationDays.',
  check: ({ terraform }) =>
    checkEachType(terraform, {
      aws_secretsmanager_secret: secretProblems,
      aws_rds_cluster: (b) =>
        b.attrs.master_password !== undefined || !isTrue(b.attrs.manage_master_user_password)
          ? ['the master password is not managed (and rotated) by RDS: set manage_master_user_password']
          : [],
      aws_db_instance: (b) =>
        b.attrs.password !== undefined || !isTrue(b.attrs.manage_master_user_password)
          ? ['the master password is not managed (and rotated) by RDS: set manage_master_user_password']
          : [],
    }),
};
