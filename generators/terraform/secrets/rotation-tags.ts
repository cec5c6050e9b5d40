/**
 * How each Secrets Manager secret the platform creates is rotated, written onto the secret as tags
 * so the rotation story travels with the secret (console, `aws secretsmanager describe-secret`) and
 * TF-015 can check it from the generated Terraform alone:
 *  - `secrets-manager`: an `aws_secretsmanager_secret_rotation` rotates it (AWS-provided rotation);
 *  - `runbook`: no AWS rotation exists for it; the environment's runbook
 *    (`generated/runbooks/<env>.md`, "Secret rotation") rotates it without breaking running clients,
 *    at most every `rotation-days` days;
 *  - `terraform-apply`: not a credential but a value AWS assigns (an endpoint name, the broker list);
 *    every `terraform apply` rewrites it, so it cannot go stale and has nothing to rotate.
 * `rotation-max-days` is the environment's `secrets.rotationDays`.
 */
import type { ResolvedEnvironment } from '../../model/types.js';

export type RotationMethod = 'secrets-manager' | 'runbook' | 'terraform-apply';

export const ROTATION_TAG = {
  method: 'rotation',
  days: 'rotation-days',
  maxDays: 'rotation-max-days',
} as const;

export function rotationTags(env: ResolvedEnvironment, method: RotationMethod): Record<string, string> {
  const maxDays = String(env.secrets.rotationDays);
  return {
    [ROTATION_TAG.method]: method,
    [ROTATION_TAG.maxDays]: maxDays,
    ...(method === 'terraform-apply' ? {} : { [ROTATION_TAG.days]: maxDays }),
  };
}
