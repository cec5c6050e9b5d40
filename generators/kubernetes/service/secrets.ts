/**
 * A service's secrets, by reference only: one ExternalSecret that the External Secrets Operator
 * resolves through the ClusterSecretStore into a Secret of the same name. Keys:
 *  - each declared secret, by its name (from naming.serviceSecret): a file under SECRETS_MOUNT_PATH;
 *  - `redis-auth-token` when the service uses the cache (naming.cacheAuthSecret): $REDIS_AUTH_TOKEN;
 *  - `kafka-bootstrap-brokers` when it uses topics (naming.kafkaBootstrapSecret): $KAFKA_BOOTSTRAP_SERVERS.
 *  - `postgres-host` when the service uses the database (naming.endpointSecret): $POSTGRES_HOST, the
 *    AWS writer or reader endpoint name, never a private alias (TLS verify-full and IAM tokens need it);
 *  - `redis-host` when it uses the cache: $REDIS_HOST, the AWS primary endpoint name.
 * PostgreSQL needs no password: IAM authentication.
 */
import type { Construct } from 'constructs';
import { GATEWAY_API_KEYS_SECRET } from '../../../services/types.js';
import { naming } from '../../naming.js';
import { customResource, EXTERNAL_SECRETS_API, type ExternalSecretManifest } from '../crds.js';
import type { ServiceContext } from './context.js';

export const SECRETS_MOUNT_PATH = '/var/run/secrets/platform';
export const REFRESH_INTERVAL = '1h';


export interface SecretEntry {
  /** Key in the Secret (and file name when mounted). */
  key: string;
  /** Secrets Manager secret it comes from. */
  remoteKey: string;
  /** Environment variable the value is exposed as; mounted as a file when absent. */
  variable?: string;
}

export function serviceSecretEntries(ctx: ServiceContext): SecretEntry[] {
  const { env, service } = ctx;
  // The gateway's API keys become an nginx map instead (gateway/api-keys.ts).
  const own = service.dependencies.secrets
    .filter((name) => !(service.kind === 'gateway' && name === GATEWAY_API_KEYS_SECRET))
    .map((name) => ({ key: name, remoteKey: naming.serviceSecret(env.name, service.name, name) }));
  const { database } = service.dependencies;
  return [
    ...own,
    ...(database !== 'none'
      // Read-only services go to the reader endpoint.
      ? [{ key: 'postgres-host', remoteKey: naming.endpointSecret(env.name, database === 'read' ? 'postgres-reader' : 'postgres'), variable: 'POSTGRES_HOST' }]
      : []),
    ...(service.dependencies.cache ? [{ key: 'redis-host', remoteKey: naming.endpointSecret(env.name, 'redis'), variable: 'REDIS_HOST' }] : []),
    ...(service.dependencies.cache ? [{ key: 'redis-auth-token', remoteKey: naming.cacheAuthSecret(env.name), variable: 'REDIS_AUTH_TOKEN' }] : []),
    ...(service.dependencies.topics.length > 0
      ? [{ key: 'kafka-bootstrap-brokers', remoteKey: naming.kafkaBootstrapSecret(env.name), variable: 'KAFKA_BOOTSTRAP_SERVERS' }]
      : []),
  ];
}

/** The ExternalSecret spec shared by every generated ExternalSecret: the cluster store, hourly refresh, an owned target. */
export function externalSecret(name: string, namespace: string, spec: Omit<NonNullable<ExternalSecretManifest['spec']>, 'secretStoreRef' | 'refreshInterval'>): ExternalSecretManifest {
  return {
    apiVersion: EXTERNAL_SECRETS_API,
    kind: 'ExternalSecret',
    metadata: { name, namespace },
    spec: {
      refreshInterval: REFRESH_INTERVAL,
      secretStoreRef: { kind: 'ClusterSecretStore', name: naming.clusterSecretStore },
      ...spec,
      target: { name, creationPolicy: 'Owner', deletionPolicy: 'Retain', ...spec.target },
    },
  };
}

/** Adds the service's ExternalSecret when it has anything to fetch; returns the entries (empty: no Secret). */
export function addServiceSecrets(scope: Construct, ctx: ServiceContext): SecretEntry[] {
  const entries = serviceSecretEntries(ctx);
  if (entries.length === 0) return entries;
  customResource(
    scope,
    'external-secret',
    externalSecret(ctx.service.name, ctx.namespace, {
      data: entries.map((e) => ({ secretKey: e.key, remoteRef: { key: e.remoteKey } })),
    }),
  );
  return entries;
}
