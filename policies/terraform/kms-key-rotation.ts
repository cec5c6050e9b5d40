/** TF-007: customer-managed KMS keys rotate. */
import type { Rule } from '../engine/types.js';
import { isTrue, str } from '../engine/values.js';
import { blockFinding } from './finding.js';

/** Only symmetric encryption keys support automatic rotation. */
const rotatable = (spec: string | undefined) => spec === undefined || spec === 'SYMMETRIC_DEFAULT';

export const kmsKeyRotation: Rule = {
  id: 'TF-007',
  severity: 'error',
  area: 'terraform',
  title: 'KMS key rotation',
  checks: 'Every symmetric `aws_kms_key` sets `enable_key_rotation: true` (asymmetric and HMAC keys cannot rotate and are exempt).',
  why: 'Rotation limits how much data one key version protects and is required by the compliance baselines the platform follows.',
  fix: 'Set `enable_key_rotation: true` on the key.',
  check: ({ terraform }) =>
    terraform
      .resources('aws_kms_key')
      .filter((k) => rotatable(str(k.attrs.customer_master_key_spec) ?? str(k.attrs.key_spec)) && !isTrue(k.attrs.enable_key_rotation))
      .map((k) => blockFinding(k, 'enable_key_rotation is not true')),
};
