/** S3 buckets and the separate resources that configure them (encryption, public access, policy). */
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';

/** The configuration resources of `type` whose `bucket` designates `bucket` (by reference or by name). */
export function bucketConfigurations(tf: TerraformEnvironment, bucket: TerraformBlock, type: string): TerraformBlock[] {
  return tf.resources(type).filter((config) => tf.designated(config.attrs.bucket, config.stack, [bucket], 'bucket').length > 0);
}
