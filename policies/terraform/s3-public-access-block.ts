/** TF-003: every S3 bucket blocks all public access. */
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';
import type { Rule } from '../engine/types.js';
import { isTrue } from '../engine/values.js';
import { blockFinding } from './finding.js';
import { bucketConfigurations } from './s3.js';

const SETTINGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

const missingSettings = (block: TerraformBlock) => SETTINGS.filter((s) => !isTrue(block.attrs[s]));

function problems(tf: TerraformEnvironment, bucket: TerraformBlock): string[] {
  // The account-wide block covers every bucket of the account.
  if (tf.resources('aws_s3_account_public_access_block').some((b) => missingSettings(b).length === 0)) return [];
  const blocks = bucketConfigurations(tf, bucket, 'aws_s3_bucket_public_access_block');
  if (blocks.length === 0) return ['no aws_s3_bucket_public_access_block for this bucket'];
  const missing = SETTINGS.filter((s) => !blocks.some((b) => isTrue(b.attrs[s])));
  return missing.length === 0 ? [] : [`public access block does not set ${missing.join(', ')} to true`];
}

export const s3PublicAccessBlock: Rule = {
  id: 'TF-003',
  severity: 'error',
  area: 'terraform',
  title: 'S3 public access fully blocked',
  checks: 'Every `aws_s3_bucket` has an `aws_s3_bucket_public_access_block` (or the environment an `aws_s3_account_public_access_block`) with all four settings true.',
  why: 'A single public ACL or bucket policy statement publishes the data lake to the internet; the block makes that impossible whatever else changes.',
  fix: 'Add an `aws_s3_bucket_public_access_block` for the bucket with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets set to true.',
  check: ({ terraform }) =>
    terraform.resources('aws_s3_bucket').flatMap((bucket) => problems(terraform, bucket).map((message) => blockFinding(bucket, message))),
};
