/** Velero: writes backups to its own bucket and snapshots the cluster's EBS volumes. */
import { arn, kmsViaService, type Statement } from '../../iam.js';

export interface VeleroPolicyInput {
  region: string;
  accountId: string;
  bucket: string;
  bucketKeyArn: string;
}

export function veleroStatements({ region, accountId, bucket, bucketKeyArn }: VeleroPolicyInput): Statement[] {
  const volumes = `arn:aws:ec2:${region}:${accountId}:volume/*`;
  const snapshots = `arn:aws:ec2:${region}::snapshot/*`;
  return [
    {
      Sid: 'ReadWriteBackups',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      Resource: [arn.s3Objects(bucket)],
    },
    { Sid: 'ListBackups', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [arn.s3Bucket(bucket)] },
    kmsViaService('EncryptBackups', [bucketKeyArn], 's3', region),
    { Sid: 'ReadVolumes', Effect: 'Allow', Action: ['ec2:DescribeVolumes', 'ec2:DescribeSnapshots'], Resource: '*' },
    {
      Sid: 'SnapshotAndRestoreVolumes',
      Effect: 'Allow',
      Action: ['ec2:CreateSnapshot', 'ec2:CreateVolume', 'ec2:DeleteSnapshot', 'ec2:CreateTags'],
      Resource: [volumes, snapshots],
    },
  ];
}
