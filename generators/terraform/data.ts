/**
 * Data stack: Aurora PostgreSQL, ElastiCache Redis, MSK, the S3 data lake, the environment's data
 * and secrets KMS keys, and the private DNS names of the data endpoints. Reads the network and
 * cluster stacks' outputs (subnets, private zone, the cluster's security group).
 */
import type { EnvironmentGenerator } from '../generator.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import type { DataContext } from './data/context.js';
import { dataLake } from './data/data-lake.js';
import { endpointNames } from './data/dns.js';
import { endpointSecrets } from './data/endpoint-secrets.js';
import { kafka } from './data/kafka.js';
import { postgres } from './data/postgres.js';
import { redis } from './data/redis.js';
import { platformKey } from './kms.js';
import { dataCopies } from './data/copies.js';
import { createStack, outputs, remoteState, stackFile } from './stack.js';

const GENERATOR = 'terraform/data';

export function dataStack(env: ResolvedEnvironment) {
  const ps = createStack(env, 'data', GENERATOR);
  const { stack } = ps;
  const prefix = naming.envPrefix(env.name);
  const key = (purpose: string, description: string) =>
    platformKey(stack, purpose, { accountId: env.aws.accountId, alias: naming.kmsAlias(env.name, purpose), description: `${prefix} ${description}` });
  const ctx: DataContext = {
    stack,
    env,
    prefix,
    network: remoteState(ps, 'network'),
    cluster: remoteState(ps, 'cluster'),
    dataKey: key('data', 'data stores encryption'),
    secretsKey: key('secrets', 'Secrets Manager encryption'),
  };

  const database = postgres(ctx);
  const cache = redis(ctx);
  const stream = kafka(ctx);
  const buckets = dataLake(ctx);
  endpointNames(ctx, database, cache);
  endpointSecrets(ctx, database, cache);
  dataCopies(ps, ctx, database, buckets);

  outputs(stack, {
    postgres_cluster_identifier: { value: database.clusterIdentifier, description: 'Aurora cluster identifier' },
    postgres_cluster_resource_id: { value: database.clusterResourceId, description: 'Aurora resource id (rds-db:connect ARNs)' },
    postgres_endpoint: { value: database.endpoint, description: `Writer endpoint (pods read it from ${naming.endpointSecret(env.name, 'postgres')})` },
    postgres_reader_endpoint: { value: database.readerEndpoint, description: `Reader endpoint (pods read it from ${naming.endpointSecret(env.name, 'postgres-reader')})` },
    redis_replication_group_id: { value: cache.replicationGroupId, description: 'Redis replication group id' },
    kafka_cluster_arn: { value: stream.arn, description: 'MSK cluster ARN' },
    kafka_cluster_name: { value: stream.clusterName, description: 'MSK cluster name' },
    data_kms_key_arn: { value: ctx.dataKey.arn, description: 'KMS key of the data stores and the data lake' },
    secrets_kms_key_arn: { value: ctx.secretsKey.arn, description: 'KMS key of the Secrets Manager secrets' },
    data_lake_bucket_arns: {
      value: Object.fromEntries(Object.entries(buckets).map(([name, bucket]) => [name, bucket.arn])),
      description: 'Data lake bucket ARN by logical name',
    },
  });
  return ps;
}

export const dataGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env) => [stackFile(dataStack(env), GENERATOR, [env.file, 'generators/terraform/data.ts'])],
};
