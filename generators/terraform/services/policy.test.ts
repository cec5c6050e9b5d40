import { describe, expect, it } from 'vitest';
import type { Dependencies } from '../../../services/types.js';
import { serviceStatements, type ServicePolicyInput } from './policy.js';

const none: Dependencies = { database: 'none', cache: false, topics: [], buckets: [], secrets: [], calls: [] };
const input = (dependencies: Partial<Dependencies>, secretArns: string[] = []): ServicePolicyInput => ({
  env: 'dev',
  service: 'data-processor',
  region: 'eu-west-1',
  accountId: '111111111111',
  dependencies: { ...none, ...dependencies },
  postgresResourceId: 'cluster-ABC',
  dataKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/data',
  secretsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/secrets',
  secretArns,
});

describe('serviceStatements', () => {
  it('grants nothing to a service that declares nothing (calls and the cache need no IAM)', () => {
    expect(serviceStatements(input({ cache: true, calls: ['api-gateway'] }))).toEqual([]);
  });

  it('lets the service connect to PostgreSQL as its own IAM database user only', () => {
    expect(serviceStatements(input({ database: 'readwrite' }))).toEqual([
      {
        Sid: 'ConnectAsOwnDatabaseUser',
        Effect: 'Allow',
        Action: ['rds-db:connect'],
        Resource: ['arn:aws:rds-db:eu-west-1:111111111111:dbuser:cluster-ABC/data_processor'],
      },
    ]);
  });

  it('grants exactly the declared topics, produce or consume, and the service\'s own consumer group', () => {
    const statements = serviceStatements(
      input({
        topics: [
          { name: 'events.raw', access: 'consume' },
          { name: 'events.processed', access: 'produce' },
        ],
      }),
    );
    expect(statements).toEqual([
      {
        Sid: 'ConnectToKafka',
        Effect: 'Allow',
        Action: ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'],
        Resource: ['arn:aws:kafka:eu-west-1:111111111111:cluster/platform-dev/*'],
      },
      {
        Sid: 'ConsumeEventsRaw',
        Effect: 'Allow',
        Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
        Resource: ['arn:aws:kafka:eu-west-1:111111111111:topic/platform-dev/*/events.raw'],
      },
      {
        Sid: 'ProduceEventsProcessed',
        Effect: 'Allow',
        Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'],
        Resource: ['arn:aws:kafka:eu-west-1:111111111111:topic/platform-dev/*/events.processed'],
      },
      {
        Sid: 'UseOwnConsumerGroup',
        Effect: 'Allow',
        Action: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'],
        Resource: ['arn:aws:kafka:eu-west-1:111111111111:group/platform-dev/*/data-processor'],
      },
    ]);
  });

  it('grants read or write on the named buckets only, with the data key only through S3', () => {
    const statements = serviceStatements(
      input({
        buckets: [
          { name: 'raw', access: 'read' },
          { name: 'curated', access: 'write' },
        ],
      }),
    );
    expect(statements).toEqual([
      { Sid: 'ReadRawObjects', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::platform-dev-raw-111111111111/*'] },
      { Sid: 'ListRaw', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::platform-dev-raw-111111111111'] },
      {
        Sid: 'WriteCuratedObjects',
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:AbortMultipartUpload'],
        Resource: ['arn:aws:s3:::platform-dev-curated-111111111111/*'],
      },
      {
        Sid: 'UseDataLakeKeyThroughS3',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: ['arn:aws:kms:eu-west-1:111111111111:key/data'],
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
      },
    ]);
  });

  it('reads its own secrets only, decrypting through Secrets Manager', () => {
    const arns = ['${aws_secretsmanager_secret.secret_data_processor_api_keys.arn}'];
    expect(serviceStatements(input({ secrets: ['api-keys'] }, arns))).toEqual([
      { Sid: 'ReadOwnSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: arns },
      {
        Sid: 'DecryptSecretsThroughSecretsManager',
        Effect: 'Allow',
        Action: ['kms:Decrypt'],
        Resource: ['arn:aws:kms:eu-west-1:111111111111:key/secrets'],
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
      },
    ]);
  });
});
