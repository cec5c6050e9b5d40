/**
 * What the kafka-topics Job (generators/kubernetes/kafka-topics/) needs in AWS: the ECR repository
 * of its image (image-repository.ts, untagged images expired like every service's) and its IRSA role, which may connect to the environment's MSK cluster and create,
 * describe and alter exactly the declared topics (and their configuration), nothing else: no data
 * access, no other topic, no group.
 */
import type { Construct } from 'constructs';
import { kafkaAdminImage } from '../../../environments/versions.js';
import { platformTopics } from '../../model/kafka-topics.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES, naming } from '../../naming.js';
import type { OidcProvider, Statement } from '../iam.js';
import { irsaRole } from '../irsa.js';
import { imageRepository } from './image-repository.js';

const KAFKA_TOPICS_IDENTITY = 'kafka-topics';

export function kafkaTopicsStatements(env: Pick<ResolvedEnvironment, 'name' | 'aws' | 'kafka' | 'services'>): Statement[] {
  const cluster = naming.kafkaCluster(env.name);
  const kafkaArn = (kind: string, rest: string) => `arn:aws:kafka:${env.aws.region}:${env.aws.accountId}:${kind}/${cluster}/*${rest}`;
  const topics = platformTopics(env, env.services);
  return [
    { Sid: 'ConnectToKafka', Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], Resource: [kafkaArn('cluster', '')] },
    ...(topics.length > 0
      ? [
          {
            Sid: 'ManageDeclaredTopics',
            Effect: 'Allow' as const,
            Action: [
              'kafka-cluster:CreateTopic',
              'kafka-cluster:DescribeTopic',
              'kafka-cluster:AlterTopic',
              'kafka-cluster:DescribeTopicDynamicConfiguration',
              'kafka-cluster:AlterTopicDynamicConfiguration',
            ],
            Resource: topics.map((t) => kafkaArn('topic', `/${t.name}`)),
          },
        ]
      : []),
  ];
}

export function kafkaTopicsAccess(scope: Construct, env: ResolvedEnvironment, oidc: OidcProvider, imagesKeyArn: string): void {
  imageRepository(scope, 'kafka_admin', naming.ecrRepository(kafkaAdminImage.repository), imagesKeyArn);
  irsaRole(scope, {
    env: env.name,
    name: KAFKA_TOPICS_IDENTITY,
    serviceAccount: AWS_IDENTITIES[KAFKA_TOPICS_IDENTITY],
    oidc,
    description: 'kafka-topics Job: creates and alters exactly the declared topics',
    statements: kafkaTopicsStatements(env),
  });
}
