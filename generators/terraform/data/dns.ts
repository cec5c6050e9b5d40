/**
 * Stable private names of the data endpoints (naming contract), for people and tools inside the VPC.
 * Not for TLS clients that verify the host name: the AWS certificates do not carry these aliases, so
 * pods get the AWS endpoint names from Secrets Manager instead (endpoint-secrets.ts, policy WIRE-004).
 */
import type { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group/index.js';
import type { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster/index.js';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record/index.js';
import { naming } from '../../naming.js';
import type { DataContext } from './context.js';

const TTL_SECONDS = 60;

export function endpointNames(ctx: DataContext, postgres: RdsCluster, redis: ElasticacheReplicationGroup): void {
  const { stack, env, network } = ctx;
  const zoneId = network.getString('private_zone_id');
  const records = {
    dns_postgres: [naming.postgresHost(env.name), postgres.endpoint],
    dns_postgres_reader: [naming.postgresReaderHost(env.name), postgres.readerEndpoint],
    dns_redis: [naming.redisHost(env.name), redis.primaryEndpointAddress],
  } as const;
  for (const [id, [name, target]] of Object.entries(records)) {
    new Route53Record(stack, id, { zoneId, name, type: 'CNAME', ttl: TTL_SECONDS, records: [target] });
  }
}
