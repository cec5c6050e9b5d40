/** TF-002: clients reach data stores and load balancers over TLS only. */
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';
import type { Rule } from '../engine/types.js';
import { at, blocks, isFalse, isTrue, str } from '../engine/values.js';
import { checkEachType, type BlockCheck } from './finding.js';
import { resolvePolicy, type PolicyStatement } from './policy-documents.js';
import { bucketConfigurations } from './s3.js';

/** The parameter that makes the database engine refuse plaintext connections, and its "on" values. */
function tlsParameter(engine: string): { name: string; on: string[] } | undefined {
  if (engine.includes('postgres')) return { name: 'rds.force_ssl', on: ['1'] };
  if (engine.includes('mysql') || engine.includes('mariadb')) return { name: 'require_secure_transport', on: ['1', 'ON', 'on', 'true'] };
  return undefined;
}

function databaseProblems(db: TerraformBlock, tf: TerraformEnvironment, groupAttribute: string, groupType: string): string[] {
  const parameter = tlsParameter(str(db.attrs.engine) ?? '');
  if (!parameter) return [];
  const groups = tf.designated(db.attrs[groupAttribute], db.stack, tf.resources(groupType), 'name');
  const enforced = groups.some((g) => blocks(g.attrs.parameter).some((p) => p.name === parameter.name && parameter.on.includes(String(p.value))));
  return enforced ? [] : [`${groupAttribute} does not name an ${groupType} of this environment that sets ${parameter.name} = ${parameter.on[0]}`];
}

/** A Deny of all S3 actions (or all actions) when aws:SecureTransport is false. */
const deniesPlaintext = (s: PolicyStatement) =>
  s.effect === 'Deny' &&
  s.actions.some((a) => a === '*' || a === 's3:*') &&
  s.conditions.some((c) => ['Bool', 'BoolIfExists'].includes(c.test) && c.variable === 'aws:SecureTransport' && c.values.includes('false'));

function bucketProblems(bucket: TerraformBlock, tf: TerraformEnvironment): string[] {
  const policies = [
    ...bucketConfigurations(tf, bucket, 'aws_s3_bucket_policy').map((p) => ({ block: p, value: p.attrs.policy })),
    { block: bucket, value: bucket.attrs.policy },
  ];
  const enforced = policies.some(({ block, value }) => {
    const document = typeof value === 'string' ? resolvePolicy(tf, block, 'policy', value) : undefined;
    return document !== undefined && 'statements' in document && document.statements.some(deniesPlaintext);
  });
  return enforced ? [] : ['no bucket policy denies requests without TLS (Deny s3:* when aws:SecureTransport is false)'];
}

function mskProblems(msk: TerraformBlock): string[] {
  const transit = blocks(at(blocks(msk.attrs.encryption_info)[0], 'encryption_in_transit'))[0] ?? {};
  const problems: string[] = [];
  // Both default to encrypted (client_broker TLS, in_cluster true); only a weaker setting fails.
  if (transit.client_broker !== undefined && transit.client_broker !== 'TLS') problems.push(`client_broker is ${String(transit.client_broker)}, not TLS`);
  if (isFalse(transit.in_cluster)) problems.push('in_cluster encryption is off');
  return problems;
}

function listenerProblems(listener: TerraformBlock): string[] {
  if ((str(listener.attrs.protocol) ?? 'HTTP') !== 'HTTP') return [];
  const redirects = blocks(listener.attrs.default_action).every(
    (a) => a.type === 'redirect' && blocks(a.redirect).some((r) => r.protocol === 'HTTPS'),
  );
  return redirects && blocks(listener.attrs.default_action).length > 0 ? [] : ['plain HTTP listener that does not redirect to HTTPS'];
}

const CHECKS: Record<string, BlockCheck> = {
  aws_elasticache_replication_group: (b) => (isTrue(b.attrs.transit_encryption_enabled) ? [] : ['transit_encryption_enabled is not true']),
  aws_msk_cluster: mskProblems,
  aws_rds_cluster: (b, tf) => databaseProblems(b, tf, 'db_cluster_parameter_group_name', 'aws_rds_cluster_parameter_group'),
  aws_db_instance: (b, tf) => databaseProblems(b, tf, 'parameter_group_name', 'aws_db_parameter_group'),
  aws_s3_bucket: bucketProblems,
  aws_lb_listener: listenerProblems,
  aws_alb_listener: listenerProblems,
};

export const encryptionInTransit: Rule = {
  id: 'TF-002',
  severity: 'error',
  area: 'terraform',
  title: 'TLS in transit',
  checks:
    'ElastiCache replication groups set `transit_encryption_enabled`; MSK keeps client-broker TLS and in-cluster encryption; PostgreSQL/MySQL clusters and instances use a parameter group (in the environment) that forces TLS (`rds.force_ssl = 1`, `require_secure_transport = ON`); S3 buckets have a policy denying requests without TLS; HTTP load balancer listeners only redirect to HTTPS.',
  why: 'Traffic inside a VPC still crosses shared infrastructure and is visible to anything that gains a foothold on the network; TLS keeps credentials and data private and proves the endpoint.',
  fix: 'Set the attribute named in the message, or add the parameter group / bucket policy statement it asks for.',
  check: ({ terraform }) => checkEachType(terraform, CHECKS),
};
