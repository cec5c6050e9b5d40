/**
 * A service's IAM policy, derived only from its declared dependencies: its database user, its
 * topics (and its consumer group), its buckets with the declared access, its own secrets. The
 * cache needs no IAM (its AUTH token reaches the pod through External Secrets).
 */

import type { BucketDependency, Dependencies } from '../../../services/types.js';
import { naming } from '../../naming.js';
import { arn, KMS_USE_ACTIONS, kmsViaService, type Statement } from '../iam.js';

export interface ServicePolicyInput {
  env: string;
  service: string;
  region: string;
  accountId: string;
  dependencies: Dependencies;
  /** Aurora's cluster resource id (from the data stack). */
  postgresResourceId: string;
  /** Key of the data lake and the data stores (from the data stack). */
  dataKeyArn: string;
  /** Key of the Secrets Manager secrets (from the data stack). */
  secretsKeyArn: string;
  /** ARNs of the service's own secrets, in declaration order. */
  secretArns: string[];
}

const BUCKET_ACTIONS: Record<BucketDependency['access'], { objects: string[]; list: boolean }> = {
  read: { objects: ['s3:GetObject'], list: true },
  write: { objects: ['s3:PutObject', 's3:AbortMultipartUpload'], list: false },
  readwrite: { objects: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'], list: true },
};

/** `events.raw` → `EventsRaw`: a name inside a statement id (alphanumeric only). */
const sidPart = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

export function serviceStatements(input: ServicePolicyInput): Statement[] {
  const { env, service, region, accountId, dependencies } = input;
  const statements: Statement[] = [];

  if (dependencies.database !== 'none') {
    // IAM only lets the service log in as its own user; read-only vs read-write is the user's grants in PostgreSQL.
    statements.push({
      Sid: 'ConnectAsOwnDatabaseUser',
      Effect: 'Allow',
      Action: ['rds-db:connect'],
      Resource: [`arn:aws:rds-db:${region}:${accountId}:dbuser:${input.postgresResourceId}/${naming.databaseUser(service)}`],
    });
  }

  if (dependencies.topics.length > 0) {
    const kafkaArn = (kind: string, rest: string) => `arn:aws:kafka:${region}:${accountId}:${kind}/${naming.kafkaCluster(env)}/*${rest}`;
    const produces = dependencies.topics.some((t) => t.access === 'produce');
    statements.push({
      Sid: 'ConnectToKafka',
      Effect: 'Allow',
      Action: produces ? ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'] : ['kafka-cluster:Connect'],
      Resource: [kafkaArn('cluster', '')],
    });
    for (const topic of dependencies.topics) {
      statements.push({
        Sid: `${topic.access === 'produce' ? 'Produce' : 'Consume'}${sidPart(topic.name)}`,
        Effect: 'Allow',
        // The platform creates topics (the kafka-topics Job); producers only write to them.
        Action:
          topic.access === 'produce'
            ? ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData']
            : ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
        Resource: [kafkaArn('topic', `/${topic.name}`)],
      });
    }
    if (dependencies.topics.some((t) => t.access === 'consume')) {
      statements.push({
        Sid: 'UseOwnConsumerGroup',
        Effect: 'Allow',
        Action: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'],
        Resource: [kafkaArn('group', `/${naming.kafkaConsumerGroup(service)}`)],
      });
    }
  }

  for (const bucket of dependencies.buckets) {
    const name = naming.dataLakeBucket(env, bucket.name, accountId);
    const access = BUCKET_ACTIONS[bucket.access];
    statements.push({ Sid: `${sidPart(bucket.access)}${sidPart(bucket.name)}Objects`, Effect: 'Allow', Action: access.objects, Resource: [arn.s3Objects(name)] });
    if (access.list) statements.push({ Sid: `List${sidPart(bucket.name)}`, Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [arn.s3Bucket(name)] });
  }
  if (dependencies.buckets.length > 0) statements.push(kmsViaService('UseDataLakeKeyThroughS3', [input.dataKeyArn], 's3', region, KMS_USE_ACTIONS));

  if (input.secretArns.length > 0) {
    statements.push({
      Sid: 'ReadOwnSecrets',
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      Resource: input.secretArns,
    });
    statements.push(kmsViaService('DecryptSecretsThroughSecretsManager', [input.secretsKeyArn], 'secretsmanager', region, ['kms:Decrypt']));
  }
  return statements;
}
