/**
 * Every AWS and Kubernetes name the generators derive from user input, computed through the naming
 * contract (generators/naming.ts) and judged by what AWS or Kubernetes accepts (name-rules.ts).
 * Each name is blamed on the input field that makes it what it is: a service name that is fine as
 * a DNS label can still make `platform-staging-irsa-<name>` longer than IAM's 64 characters.
 */
import type { Environment } from '../../environments/types.js';
import type { ServiceDefinition } from '../../services/types.js';
import { AWS_IDENTITIES, naming } from '../naming.js';
import { nameProblem, type NameKind } from './name-rules.js';
import { joinPath, type Problem } from './problem.js';
import type { Sourced } from './service-checks.js';

interface DerivedName {
  file: string;
  /** The input field the name comes from. */
  path: string;
  kind: NameKind;
  name: string;
}

function environmentNames(file: string, env: Environment): DerivedName[] {
  const e = env.name;
  const account = env.aws.accountId;
  const prefix = naming.envPrefix(e);
  const fromName = (kind: NameKind, name: string): DerivedName => ({ file, path: 'name', kind, name });
  return [
    fromName('eks-cluster', naming.clusterName(e)),
    fromName('rds-identifier', naming.postgresCluster(e)),
    fromName('rds-snapshot', naming.postgresFinalSnapshot(e)),
    ...Array.from({ length: env.database.instances }, (_, i) => ({ file, path: 'database.instances', kind: 'rds-identifier' as const, name: naming.postgresInstance(e, i + 1) })),
    fromName('elasticache-replication-group', naming.redisReplicationGroup(e)),
    fromName('msk-cluster', naming.kafkaCluster(e)),
    fromName('iam-role', naming.karpenterNodeRole(e)),
    fromName('iam-role', `${prefix}-node`),
    ...Object.keys(AWS_IDENTITIES).map((identity) => fromName('iam-role', naming.irsaRoleName(e, identity))),
    fromName('s3-bucket', naming.veleroBucket(e, account)),
    fromName('s3-bucket', naming.lokiBucket(e, account)),
    fromName('s3-bucket', naming.tempoBucket(e, account)),
    fromName('sqs-queue', naming.karpenterInterruptionQueue(e)),
    fromName('k8s-label-value', e),
    { file, path: 'domain', kind: 'dns-name', name: env.domain },
    { file, path: 'domain', kind: 'acm-domain', name: naming.apiHost(env.domain) },
    ...env.dataLake.buckets.map((bucket, i) => ({ file, path: `dataLake.buckets[${i}].name`, kind: 's3-bucket' as const, name: naming.dataLakeBucket(e, bucket.name, account) })),
    ...env.eks.nodePools.flatMap((pool, i) => {
      const path = `eks.nodePools[${i}].name`;
      return [
        { file, path, kind: 'eks-node-group' as const, name: pool.name },
        { file, path, kind: 'launch-template' as const, name: `${prefix}-${pool.name}` },
        { file, path, kind: 'k8s-dns-label' as const, name: pool.name },
      ];
    }),
  ];
}

function ownImageTag(file: string, service: ServiceDefinition, env: string): DerivedName[] {
  const entry = service.environments[env];
  return entry ? [{ file, path: joinPath(joinPath('environments', env), 'imageTag'), kind: 'k8s-label-value', name: entry.imageTag }] : [];
}

function serviceNames(file: string, service: ServiceDefinition, env: Environment): DerivedName[] {
  const fromName = (kind: NameKind, name: string): DerivedName => ({ file, path: 'name', kind, name });
  return [
    fromName('iam-role', naming.irsaRoleName(env.name, service.name)),
    fromName('k8s-service', service.name),
    fromName('k8s-label-value', service.name),
    fromName('k8s-dns-subdomain', `dashboard-${service.name}`),
    ...(service.kind === 'gateway' ? [fromName('k8s-dns-subdomain', `${service.name}-nginx`)] : []),
    // The Deployment's app.kubernetes.io/version label (an inherited entry is checked where it is written).
    ...ownImageTag(file, service, env.name),
    { file, path: 'team', kind: 'k8s-dns-subdomain', name: service.team },
    { file, path: 'team', kind: 'k8s-label-value', name: service.team },
  ];
}

/** One problem per input field and kind of name (the first environment that breaks it). */
export function generatedNameProblems(environments: Sourced<Environment>[], services: Sourced<ServiceDefinition>[]): Problem[] {
  const names = [
    ...environments.flatMap((env) => environmentNames(env.file, env.value)),
    ...services.flatMap((service) => environments.flatMap((env) => serviceNames(service.file, service.value, env.value))),
  ];
  // Account-wide: the Terraform state bucket of each account.
  names.push(...environments.map((env) => ({ file: env.file, path: 'aws.accountId', kind: 's3-bucket' as const, name: naming.stateBucket(env.value.aws.accountId) })));
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const derived of names) {
    const message = nameProblem(derived.kind, derived.name);
    const key = `${derived.file}\u0000${derived.path}\u0000${derived.kind}`;
    if (!message || seen.has(key)) continue;
    seen.add(key);
    problems.push({ file: derived.file, path: derived.path, message });
  }
  return problems;
}
