/**
 * The environment variables a service gets through its ConfigMap: its own `config`, then what the
 * platform derives from its declared dependencies (endpoints from the naming contract, never copied
 * by hand). Platform keys win over the service's own keys of the same name. Secrets never appear
 * here: they come from the ExternalSecret (see secrets.ts).
 */
import { naming } from '../../naming.js';
import { OTEL_COLLECTOR } from '../addons/endpoints.js';
import { serviceUrl, type ServiceContext } from './context.js';

/** `topic=partitions,…`: the partition counts of the topics a producer owns. */
export const KAFKA_TOPIC_PARTITIONS = 'KAFKA_TOPIC_PARTITIONS';

const envName = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

function databaseVariables(ctx: ServiceContext): Record<string, string> {
  const { database } = ctx.service.dependencies;
  if (database === 'none') return {};
  // POSTGRES_HOST comes from the ExternalSecret (secrets.ts): the AWS endpoint name, which the
  // server certificate carries (verify-full) and the IAM token must be signed for.
  return {
    POSTGRES_PORT: String(naming.dataPorts.postgres),
    POSTGRES_DATABASE: naming.databaseName,
    POSTGRES_USER: naming.databaseUser(ctx.service.name),
    // IAM database authentication: the pod signs a short-lived token with its IRSA role; there is no password.
    POSTGRES_AUTH: 'iam',
    POSTGRES_SSLMODE: 'verify-full',
  };
}

function cacheVariables(ctx: ServiceContext): Record<string, string> {
  if (!ctx.service.dependencies.cache) return {};
  // REDIS_HOST comes from the ExternalSecret (secrets.ts): TLS clients check the certificate's name.
  return { REDIS_PORT: String(naming.dataPorts.redis), REDIS_TLS: 'true' };
}

function kafkaVariables(ctx: ServiceContext): Record<string, string> {
  const { topics } = ctx.service.dependencies;
  if (topics.length === 0) return {};
  const list = (access: 'produce' | 'consume') => topics.filter((t) => t.access === access).map((t) => t.name).join(',');
  // The producer owns its topics and creates them with these partition counts (policy WIRE-007).
  const partitions = topics
    .filter((t) => t.access === 'produce' && t.partitions !== undefined)
    .map((t) => `${t.name}=${t.partitions}`)
    .join(',');
  return {
    KAFKA_AUTH: 'AWS_MSK_IAM',
    KAFKA_TLS: 'true',
    KAFKA_PRODUCE_TOPICS: list('produce'),
    KAFKA_CONSUME_TOPICS: list('consume'),
    KAFKA_CONSUMER_GROUP: ctx.service.name,
    ...(partitions ? { [KAFKA_TOPIC_PARTITIONS]: partitions } : {}),
  };
}

function bucketVariables(ctx: ServiceContext): Record<string, string> {
  return Object.fromEntries(
    ctx.service.dependencies.buckets.map((b) => [`S3_BUCKET_${envName(b.name)}`, naming.dataLakeBucket(ctx.env.name, b.name, ctx.env.aws.accountId)]),
  );
}

function callVariables(ctx: ServiceContext): Record<string, string> {
  return Object.fromEntries(ctx.service.dependencies.calls.map((callee) => [`${envName(callee)}_URL`, serviceUrl(callee)]));
}

export function serviceVariables(ctx: ServiceContext): Record<string, string> {
  const { env, service } = ctx;
  return {
    ...service.config,
    SERVICE_NAME: service.name,
    ENVIRONMENT: env.name,
    PORT: String(service.port),
    AWS_REGION: env.aws.region,
    OTEL_SERVICE_NAME: service.name,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://${OTEL_COLLECTOR.host}:${OTEL_COLLECTOR.grpcPort}`,
    OTEL_RESOURCE_ATTRIBUTES: `deployment.environment=${env.name}`,
    ...databaseVariables(ctx),
    ...cacheVariables(ctx),
    ...kafkaVariables(ctx),
    ...bucketVariables(ctx),
    ...callVariables(ctx),
  };
}
