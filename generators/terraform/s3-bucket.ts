/**
 * Every bucket the platform creates: versioned, SSE-KMS with a bucket key, ACLs disabled, all public
 * access blocked, a TLS-only bucket policy, and a lifecycle (optional Intelligent-Tiering,
 * noncurrent-version and current-object expiry, incomplete multipart uploads aborted).
 */
import type { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls/index.js';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning/index.js';
import { arn, denyInsecureTransport, policyDocument, type Statement } from './iam.js';

export interface BucketLifecycle {
  /** Move objects to Intelligent-Tiering after this many days; omit to keep them in Standard. */
  intelligentTieringAfterDays?: number;
  noncurrentVersionExpirationDays: number;
  /** Expire current objects after this many days; 0 keeps them forever. */
  expirationDays: number;
}

export interface SecureBucketOptions {
  /** Globally unique bucket name from the naming contract. */
  name: string;
  kmsKeyArn: string;
  lifecycle: BucketLifecycle;
  /** Keep the bucket when the configuration is destroyed or its name changes (state, backups). */
  preventDestroy?: boolean;
  /** Grants to AWS services (e.g. CloudTrail writing its log files), added after the TLS-only statement. */
  policyStatements?: Statement[];
  /** Tags beyond the provider's default tags (e.g. the recovery objectives of what it holds). */
  tags?: Record<string, string>;
  /** The provider of another region (recovery copies); the stack's own provider when absent. */
  provider?: TerraformProvider;
}

const ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS = 7;

/** Creates `<id>` (an aws_s3_bucket) and its `<id>_<aspect>` companions. */
export function secureBucket(scope: Construct, id: string, options: SecureBucketOptions): S3Bucket {
  const bucket = new S3Bucket(scope, id, {
    bucket: options.name,
    tags: options.tags,
    provider: options.provider,
    lifecycle: options.preventDestroy ? { preventDestroy: true } : undefined,
  });
  const versioning = new S3BucketVersioningA(scope, `${id}_versioning`, {
    bucket: bucket.id,
    provider: options.provider,
    versioningConfiguration: { status: 'Enabled' },
  });
  new S3BucketServerSideEncryptionConfigurationA(scope, `${id}_encryption`, {
    bucket: bucket.id,
    provider: options.provider,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: options.kmsKeyArn }, bucketKeyEnabled: true }],
  });
  const publicAccessBlock = new S3BucketPublicAccessBlock(scope, `${id}_public_access_block`, {
    bucket: bucket.id,
    provider: options.provider,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, `${id}_ownership`, { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' }, provider: options.provider });
  new S3BucketPolicy(scope, `${id}_policy`, {
    bucket: bucket.id,
    provider: options.provider,
    policy: policyDocument([
      denyInsecureTransport(['s3:*'], [arn.s3Bucket(options.name), arn.s3Objects(options.name)]),
      ...(options.policyStatements ?? []),
    ]),
    // S3 rejects a policy while the public access block is still being applied.
    dependsOn: [publicAccessBlock],
  });

  const { intelligentTieringAfterDays, noncurrentVersionExpirationDays, expirationDays } = options.lifecycle;
  new S3BucketLifecycleConfiguration(scope, `${id}_lifecycle`, {
    bucket: bucket.id,
    provider: options.provider,
    rule: [
      {
        id: 'platform-lifecycle',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS }],
        noncurrentVersionExpiration: [{ noncurrentDays: noncurrentVersionExpirationDays }],
        transition: intelligentTieringAfterDays === undefined ? undefined : [{ days: intelligentTieringAfterDays, storageClass: 'INTELLIGENT_TIERING' }],
        expiration: expirationDays > 0 ? [{ days: expirationDays }] : undefined,
      },
    ],
    // Lifecycle rules on versions need versioning in place first.
    dependsOn: [versioning],
  });
  return bucket;
}
