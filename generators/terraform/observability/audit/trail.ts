/**
 * The account's CloudTrail trail: every region, global service events, log file validation, log
 * files in a bucket with the data lake's guarantees (secureBucket: versioned, SSE-KMS, no public
 * access, TLS only, lifecycle) encrypted with the audit key, and a copy in CloudWatch Logs written
 * through a role that may only append to that log group. Every grant to CloudTrail in a resource
 * policy (bucket, key) is conditioned on this trail's ARN (aws:SourceArn), so no other trail, of
 * this or another account, can use them.
 * Not an organization trail (that needs the organization's management account): the bucket accepts
 * `AWSLogs/<account>/`, which is where an organization trail would also write this account's files.
 */
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail/index.js';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import type { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
import { naming } from '../../../naming.js';
import { arn, assumeRoleByService, policyDocument, type Statement } from '../../iam.js';
import { platformKey } from '../../kms.js';
import { secureBucket } from '../../s3-bucket.js';
import type { ObservabilityContext } from '../context.js';

const CLOUDTRAIL = 'cloudtrail.amazonaws.com';
/** Noncurrent versions of log files: the validation digests make any change visible; keep replaced copies a while. */
const NONCURRENT_DAYS = 90;

export function accountTrail(ctx: ObservabilityContext): Cloudtrail {
  const { stack, env, prefix } = ctx;
  const { accountId, region } = env.aws;
  const audit = env.operations.audit;
  const trailName = naming.auditTrail(env.name);
  const trailArn = naming.auditTrailArn(env.name, region, accountId);
  const bucketName = naming.auditBucket(env.name, accountId);
  const fromThisTrail = { StringEquals: { 'aws:SourceArn': trailArn } };

  const key = platformKey(stack, 'audit', {
    accountId,
    alias: naming.kmsAlias(env.name, 'audit'),
    description: `${prefix} CloudTrail log file encryption`,
    grants: [
      {
        Sid: 'CloudTrailEncryptLogs',
        Effect: 'Allow',
        Principal: { Service: CLOUDTRAIL },
        Action: ['kms:GenerateDataKey*'],
        Resource: '*',
        Condition: {
          ...fromThisTrail,
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${accountId}:trail/*` },
        },
      },
      { Sid: 'CloudTrailDescribeKey', Effect: 'Allow', Principal: { Service: CLOUDTRAIL }, Action: ['kms:DescribeKey'], Resource: '*', Condition: fromThisTrail },
    ],
  });

  const cloudTrailWrites: Statement[] = [
    { Sid: 'CloudTrailAclCheck', Effect: 'Allow', Principal: { Service: CLOUDTRAIL }, Action: ['s3:GetBucketAcl'], Resource: [arn.s3Bucket(bucketName)], Condition: fromThisTrail },
    {
      Sid: 'CloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: CLOUDTRAIL },
      Action: ['s3:PutObject'],
      Resource: [`${arn.s3Bucket(bucketName)}/AWSLogs/${accountId}/*`],
      Condition: { StringEquals: { 'aws:SourceArn': trailArn, 's3:x-amz-acl': 'bucket-owner-full-control' } },
    },
  ];
  const bucket = secureBucket(stack, 'bucket_audit', {
    name: bucketName,
    kmsKeyArn: key.arn,
    lifecycle: { noncurrentVersionExpirationDays: NONCURRENT_DAYS, expirationDays: audit.trailFileRetentionDays },
    preventDestroy: true,
    policyStatements: cloudTrailWrites,
  });

  const logGroup = new CloudwatchLogGroup(stack, 'audit_log_group', {
    name: naming.auditLogGroup(env.name),
    retentionInDays: audit.trailLogRetentionDays,
    kmsKeyId: ctx.network.getString('logs_kms_key_arn'),
  });
  const role = new IamRole(stack, 'audit_trail_logs_role', {
    name: `${prefix}-cloudtrail-logs`,
    description: 'CloudTrail: delivers the account trail to its log group',
    // The trust CloudTrail documents for its CloudWatch Logs role (no source condition documented);
    // the role can do nothing but append to this one log group.
    assumeRolePolicy: assumeRoleByService(CLOUDTRAIL),
  });
  const rolePolicy = new IamRolePolicy(stack, 'audit_trail_logs_role_policy', {
    name: 'write-trail-logs',
    role: role.id,
    policy: policyDocument([{ Sid: 'WriteTrailLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [`${logGroup.arn}:*`] }]),
  });

  return new Cloudtrail(stack, 'audit_trail', {
    name: trailName,
    s3BucketName: bucket.bucket,
    kmsKeyId: key.arn,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    enableLogging: true,
    cloudWatchLogsGroupArn: `${logGroup.arn}:*`,
    cloudWatchLogsRoleArn: role.arn,
    // CloudTrail checks the bucket policy and the role when the trail is created.
    dependsOn: [stack.node.findChild('bucket_audit_policy') as S3BucketPolicy, rolePolicy],
  });
}
