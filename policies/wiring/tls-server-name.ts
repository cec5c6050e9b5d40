/**
 * WIRE-004: a TLS client that verifies the server's host name connects by a name the server's
 * certificate carries, and signs IAM database tokens for that same name.
 *
 * The platform's client convention (generators/kubernetes/service/environment.ts): `<P>_HOST` with
 * `<P>_SSLMODE=verify-full` (libpq) or `<P>_TLS=true` (Redis, Kafka clients: TLS with host-name
 * check) verifies the name; `<P>_AUTH=iam` signs an RDS IAM token for `<P>_IAM_TOKEN_HOST`, else
 * for `<P>_HOST`. libpq matches the host as given (no CNAME resolution), and an IAM token is valid
 * only for the DB endpoint it was generated for, not a Route 53 alias.
 *
 * The host's value is resolved through the output: a literal that names a Route 53 CNAME of the
 * environment's Terraform is a private alias (error); a Secret key written by an ExternalSecret
 * from a Secrets Manager secret whose Terraform value is an AWS endpoint attribute (RDS cluster or
 * instance endpoint, ElastiCache endpoint address) is the certificate's name; one whose value is a
 * Route 53 record's name, or a literal alias, is an alias (error). Hosts the output cannot trace
 * (partner APIs, secrets set by hand) are not judged.
 */
import type { TerraformEnvironment } from '../engine/terraform.js';
import type { Finding, Rule } from '../engine/types.js';
import { strings } from '../engine/values.js';
import { containerEnvs, literal, type EnvSource } from './container-env.js';

/** Terraform attributes that are AWS endpoint names, by resource type. */
const ENDPOINT_ATTRIBUTES: Record<string, string[]> = {
  aws_rds_cluster: ['endpoint', 'reader_endpoint'],
  aws_rds_cluster_instance: ['endpoint', 'address'],
  aws_db_instance: ['address', 'endpoint'],
  aws_elasticache_replication_group: ['primary_endpoint_address', 'reader_endpoint_address', 'configuration_endpoint_address'],
  aws_elasticache_serverless_cache: ['endpoint'],
};
const ENDPOINT_REFERENCES = Object.entries(ENDPOINT_ATTRIBUTES).flatMap(([type, attrs]) => attrs.map((a) => new RegExp(`\\$\\{${type}\\.[\\w-]+\\.${a}\\}`)));
/** Aurora custom endpoints: TLS works, but IAM tokens must be generated for the cluster endpoint. */
const CUSTOM_ENDPOINT = /\$\{aws_rds_cluster_endpoint\.[\w-]+\.endpoint\}/;

type Resolved = { kind: 'aws-endpoint'; what: string; custom: boolean } | { kind: 'alias'; what: string } | { kind: 'unknown'; what: string };

function resolveLiteral(value: string, terraform: TerraformEnvironment): Resolved {
  const alias = terraform.resources('aws_route53_record').find((r) => strings(r.attrs.name).includes(value) && r.attrs.type === 'CNAME');
  if (alias) return { kind: 'alias', what: `${value} (a Route 53 CNAME, ${alias.address})` };
  if (/\.(rds|cache)\.amazonaws\.com$/.test(value)) return { kind: 'aws-endpoint', what: value, custom: value.includes('.cluster-custom-') };
  return { kind: 'unknown', what: value };
}

function resolve(source: EnvSource, terraform: TerraformEnvironment): Resolved {
  if (source.kind === 'literal') return resolveLiteral(source.value, terraform);
  if (source.kind === 'unknown' || !source.remote) return { kind: 'unknown', what: 'a value the output does not show' };
  const remote = source.remote;
  const secret = terraform.resources('aws_secretsmanager_secret').find((s) => s.attrs.name === remote.key);
  if (!secret) return { kind: 'unknown', what: `Secrets Manager secret ${remote.key}, set outside this environment's Terraform` };
  const values = terraform
    .resources('aws_secretsmanager_secret_version')
    .filter((v) => v.stack === secret.stack && terraform.refersTo(v.attrs.secret_id, v.stack, secret))
    .map((v) => ({ version: v, raw: v.attrs.secret_string, text: JSON.stringify(v.attrs.secret_string ?? null) }));
  const endpoint = values.find((v) => ENDPOINT_REFERENCES.some((pattern) => pattern.test(v.text)));
  if (endpoint) return { kind: 'aws-endpoint', what: `${remote.key} (${endpoint.version.address})`, custom: false };
  const custom = values.find((v) => CUSTOM_ENDPOINT.test(v.text));
  if (custom) return { kind: 'aws-endpoint', what: `${remote.key} (an Aurora custom endpoint)`, custom: true };
  const record = values.find((v) => /aws_route53_record\.[\w-]+\.(fqdn|name)/.test(v.text));
  if (record) return { kind: 'alias', what: `${remote.key} (a Route 53 record name, ${record.version.address})` };
  const literal = values.find((v) => typeof v.raw === 'string' && !v.raw.includes('${'));
  if (literal) {
    const inner = resolveLiteral(literal.raw as string, terraform);
    return inner.kind === 'alias' ? { kind: 'alias', what: `${remote.key} = ${inner.what}` } : inner;
  }
  return { kind: 'unknown', what: `Secrets Manager secret ${remote.key}` };
}

const sameSource = (a: EnvSource, b: EnvSource) => JSON.stringify(a) === JSON.stringify(b);

export const tlsServerName: Rule = {
  id: 'WIRE-004',
  severity: 'error',
  area: 'wiring',
  title: 'TLS clients connect by a name the server certificate carries',
  checks:
    'For each container variable <P>_HOST with <P>_SSLMODE=verify-full or <P>_TLS=true, traced through ConfigMaps, Secrets, ExternalSecrets and the Terraform that writes the Secrets Manager secret: the name is not a Route 53 CNAME alias or record name. With <P>_AUTH=iam, the IAM token host (<P>_IAM_TOKEN_HOST, else <P>_HOST) is the connection host and not an alias or Aurora custom endpoint. Hosts the output cannot trace are not judged.',
  why: 'libpq verify-full and TLS clients match the host name as given against the certificate, which carries the AWS endpoint names only; an IAM token signed for another name is refused. The connection fails at bring-up.',
  fix: 'Give the pod the AWS endpoint name: write it to Secrets Manager in Terraform (generators/terraform/data/endpoint-secrets.ts) and read it through the ExternalSecret.',
  check({ kubernetes, terraform }) {
    const findings: Finding[] = [];
    const resolved = new Map<string, Resolved>();
    // Many workloads share a source (each service's Secret, one Secrets Manager endpoint secret).
    const cacheKey = (source: EnvSource) =>
      source.kind === 'literal' ? `literal:${source.value}` : source.kind === 'secret' ? (source.remote ? `remote:${source.remote.key}` : `secret:${source.secret}/${source.key}`) : 'unknown';
    const resolveOnce = (source: EnvSource) => {
      const key = cacheKey(source);
      if (!resolved.has(key)) resolved.set(key, resolve(source, terraform));
      return resolved.get(key)!;
    };
    for (const { workload, container, variables } of containerEnvs(kubernetes)) {
      const at = (message: string) => findings.push({ file: workload.file, resource: workload.resource, message: `container "${container}": ${message}` });
      for (const [name, source] of variables) {
        const prefix = /^(.+)_HOST$/.exec(name)?.[1];
        if (!prefix) continue;
        const verifies = literal(variables.get(`${prefix}_SSLMODE`)) === 'verify-full' || literal(variables.get(`${prefix}_TLS`)) === 'true';
        const iam = literal(variables.get(`${prefix}_AUTH`)) === 'iam';
        if (!verifies && !iam) continue;
        const host = resolveOnce(source);
        if (verifies && host.kind === 'alias') at(`${name} is ${host.what}; the server certificate carries the AWS endpoint name, so TLS host-name verification fails`);
        if (!iam) continue;
        const tokenSource = variables.get(`${prefix}_IAM_TOKEN_HOST`) ?? source;
        if (!sameSource(tokenSource, source)) at(`${prefix}_IAM_TOKEN_HOST differs from ${name}: the IAM token is generated for another host than the one connected to`);
        const token = resolveOnce(tokenSource);
        if (token.kind === 'alias' || (token.kind === 'aws-endpoint' && token.custom)) {
          at(`the IAM database token is generated for ${token.what}; RDS accepts tokens only for the DB endpoint, not an alias or custom endpoint`);
        }
      }
    }
    return findings;
  },
};
