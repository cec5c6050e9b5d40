/** The data lake: one bucket per configured logical bucket, with its lifecycle from the config. */
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { naming } from '../../naming.js';
import { terraformId } from '../irsa.js';
import { secureBucket } from '../s3-bucket.js';
import type { DataContext } from './context.js';
import { recoveryTags } from '../recovery/objective-tags.js';

export function dataLake(ctx: DataContext): Record<string, S3Bucket> {
  const { stack, env, dataKey } = ctx;
  return Object.fromEntries(
    env.dataLake.buckets.map((b) => [
      b.name,
      secureBucket(stack, `bucket_${terraformId(b.name)}`, {
        name: naming.dataLakeBucket(env.name, b.name, env.aws.accountId),
        kmsKeyArn: dataKey.arn,
        lifecycle: {
          intelligentTieringAfterDays: b.intelligentTieringAfterDays,
          noncurrentVersionExpirationDays: b.noncurrentVersionExpirationDays,
          expirationDays: b.expirationDays,
        },
        tags: recoveryTags(env, 'data-lake'),
      }),
    ]),
  );
}
