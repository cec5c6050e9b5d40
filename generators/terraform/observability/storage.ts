/**
 * Object storage of Loki (logs) and Tempo (traces): a bucket each, kept as long as the
 * environment's log retention, and an IRSA role each that may use only its own bucket.
 */
import { naming, AWS_IDENTITIES } from '../../naming.js';
import { arn, kmsViaService, type OidcProvider } from '../iam.js';
import { irsaRole } from '../irsa.js';
import { platformKey } from '../kms.js';
import { secureBucket } from '../s3-bucket.js';
import type { ObservabilityContext } from './context.js';

const NONCURRENT_DAYS = 7;

export function telemetryStorage(ctx: ObservabilityContext, oidc: OidcProvider): void {
  const { stack, env, prefix } = ctx;
  const { accountId, region } = env.aws;
  const key = platformKey(stack, 'telemetry', {
    accountId,
    alias: naming.kmsAlias(env.name, 'telemetry'),
    description: `${prefix} Loki and Tempo storage encryption`,
  });
  const stores = [
    { name: 'loki', bucket: naming.lokiBucket(env.name, accountId), description: 'Loki: log chunks and index in its bucket' },
    { name: 'tempo', bucket: naming.tempoBucket(env.name, accountId), description: 'Tempo: trace blocks in its bucket' },
  ] as const;
  for (const store of stores) {
    secureBucket(stack, `bucket_${store.name}`, {
      name: store.bucket,
      kmsKeyArn: key.arn,
      // The applications enforce retention themselves; the bucket rule is the backstop.
      lifecycle: { noncurrentVersionExpirationDays: NONCURRENT_DAYS, expirationDays: env.logRetentionDays },
    });
    irsaRole(stack, {
      env: env.name,
      name: store.name,
      serviceAccount: AWS_IDENTITIES[store.name],
      oidc,
      description: store.description,
      statements: [
        {
          Sid: 'ReadWriteOwnObjects',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
          Resource: [arn.s3Objects(store.bucket)],
        },
        { Sid: 'ListOwnBucket', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [arn.s3Bucket(store.bucket)] },
        kmsViaService('UseKeyThroughS3', [key.arn], 's3', region),
      ],
    });
  }
}
