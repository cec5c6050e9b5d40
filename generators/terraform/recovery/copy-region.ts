/**
 * Copies in a second region (recovery.copyRegions), so a component survives the loss of the
 * environment's region: a second aliased AWS provider for that region, a KMS key of its own there
 * (a key never leaves its region), and S3 replication of given buckets into replica buckets there.
 * Both sides are versioned (S3 replication requires it), the replicas are secured like every bucket
 * (secureBucket), and the replication role may read exactly the sources and write exactly the
 * replicas, decrypting with the source keys and encrypting with the copy key only through S3.
 */
import type { TerraformStack } from 'cdktf';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { S3BucketReplicationConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-replication-configuration/index.js';
import type { ITerraformDependable } from 'cdktf';
import { naming } from '../../naming.js';
import { arn, assumeRoleByService, policyDocument } from '../iam.js';
import { platformKey } from '../kms.js';
import { secureBucket, type BucketLifecycle } from '../s3-bucket.js';
import { copyRegionProvider, type PlatformStack } from '../stack.js';

export interface CopyRegion {
  region: string;
  provider: AwsProvider;
  /** Encrypts everything the stack keeps in the copy region. */
  key: KmsKey;
}

/** The stack's copy region, or undefined when the environment keeps no copies in another region. */
export function copyRegion(target: PlatformStack): CopyRegion | undefined {
  const { env, stack, name } = target;
  const region = env.recovery.copyRegions[0];
  if (region === undefined) return undefined;
  const provider = copyRegionProvider(target, region);
  const key = platformKey(stack, 'copies', {
    accountId: env.aws.accountId,
    alias: naming.kmsAlias(env.name, `${name}-copies`),
    description: `${naming.envPrefix(env.name)} ${name} copies in ${region}`,
    provider,
  });
  return { region, provider, key };
}

export interface ReplicatedBucket {
  /** Terraform id of the source bucket (secureBucket's id). */
  id: string;
  bucket: S3Bucket;
  name: string;
  /** ARN of the KMS key the source objects are encrypted with. */
  keyArn: string;
  lifecycle: BucketLifecycle;
}

export function replicateBuckets(stack: TerraformStack, prefix: string, sourceRegion: string, copies: CopyRegion, sources: ReplicatedBucket[]): void {
  if (sources.length === 0) return;
  const replicas = sources.map((source) => ({
    source,
    name: naming.replicaBucket(source.name),
    bucket: secureBucket(stack, `${source.id}_replica`, {
      name: naming.replicaBucket(source.name),
      kmsKeyArn: copies.key.arn,
      lifecycle: source.lifecycle,
      provider: copies.provider,
    }),
  }));

  const role = new IamRole(stack, 's3_replication_role', {
    name: `${prefix}-s3-replication`,
    description: `S3 replication of ${prefix} buckets to ${copies.region}`,
    assumeRolePolicy: assumeRoleByService('s3.amazonaws.com'),
  });
  const policy = new IamRolePolicy(stack, 's3_replication_role_policy', {
    name: 'replicate',
    role: role.id,
    policy: policyDocument([
      { Sid: 'ReadSourceConfiguration', Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: sources.map((s) => arn.s3Bucket(s.name)) },
      {
        Sid: 'ReadSourceVersions',
        Effect: 'Allow',
        Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
        Resource: sources.map((s) => arn.s3Objects(s.name)),
      },
      { Sid: 'WriteReplicas', Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: replicas.map((r) => arn.s3Objects(r.name)) },
      { Sid: 'DecryptSources', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [...new Set(sources.map((s) => s.keyArn))], Condition: { StringEquals: { 'kms:ViaService': `s3.${sourceRegion}.amazonaws.com` } } },
      { Sid: 'EncryptReplicas', Effect: 'Allow', Action: ['kms:Encrypt', 'kms:GenerateDataKey'], Resource: [copies.key.arn], Condition: { StringEquals: { 'kms:ViaService': `s3.${copies.region}.amazonaws.com` } } },
    ]),
  });

  for (const { source, bucket } of replicas) {
    // S3 refuses a replication configuration until versioning is on at the source.
    const versioning = stack.node.tryFindChild(`${source.id}_versioning`) as ITerraformDependable | undefined;
    new S3BucketReplicationConfigurationA(stack, `${source.id}_replication`, {
      bucket: source.bucket.id,
      role: role.arn,
      rule: [
        {
          id: 'copy-region',
          status: 'Enabled',
          priority: 1,
          filter: { prefix: '' },
          deleteMarkerReplication: { status: 'Enabled' },
          sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: 'Enabled' } },
          destination: { bucket: bucket.arn, encryptionConfiguration: { replicaKmsKeyId: copies.key.arn } },
        },
      ],
      dependsOn: [...(versioning ? [versioning] : []), policy],
    });
  }
}
