/**
 * The AWS endpoint names of the data stores, published in Secrets Manager for pods (through their
 * ExternalSecret). Clients verify the server certificate against the host name they connect to
 * (libpq `sslmode=verify-full`, Redis TLS) and sign IAM database tokens for it, and the AWS
 * certificates carry the AWS endpoint names, not the private aliases of dns.ts. The names are only
 * known after apply, so they travel through Secrets Manager rather than the naming contract.
 */
import type { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group/index.js';
import type { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster/index.js';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version/index.js';
import { naming } from '../../naming.js';
import type { DataContext } from './context.js';
import { rotationTags } from '../secrets/rotation-tags.js';

export function endpointSecrets(ctx: DataContext, postgres: RdsCluster, redis: ElasticacheReplicationGroup): void {
  const { stack, env, prefix, secretsKey } = ctx;
  const endpoints = {
    secret_postgres_endpoint: [naming.endpointSecret(env.name, 'postgres'), postgres.endpoint, 'Aurora writer endpoint'],
    secret_postgres_reader_endpoint: [naming.endpointSecret(env.name, 'postgres-reader'), postgres.readerEndpoint, 'Aurora reader endpoint'],
    secret_redis_endpoint: [naming.endpointSecret(env.name, 'redis'), redis.primaryEndpointAddress, 'Redis primary endpoint'],
  } as const;
  for (const [id, [name, value, what]] of Object.entries(endpoints)) {
    const secret = new SecretsmanagerSecret(stack, id, {
      name,
      description: `${prefix} ${what} (the name its TLS certificate carries)`,
      kmsKeyId: secretsKey.arn,
      recoveryWindowInDays: 7,
      tags: rotationTags(env, 'terraform-apply'),
    });
    new SecretsmanagerSecretVersion(stack, `${id}_value`, { secretId: secret.id, secretString: value });
  }
}
