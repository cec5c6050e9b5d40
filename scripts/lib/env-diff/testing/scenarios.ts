/**
 * The representative pull requests the env-diff tests and the benchmark run: each is a base and a
 * head version of the fixture repository (see fixture-platform.ts).
 */

import {
  argocdPath,
  clone,
  editJson,
  editYaml,
  findDoc,
  FIXTURE_ENVS,
  kubernetesPath,
  platformFixture,
  terraformPath,
  type Doc,
  type FixtureFiles,
} from './fixture-platform.js';

export interface Scenario {
  base: FixtureFiles;
  head: FixtureFiles;
}

const deployment = (docs: Doc[]) => findDoc(docs, 'Deployment');
const container = (docs: Doc[]) => deployment(docs).spec.template.spec.containers[0];

/** A dev-only change: a new image, one more replica, an in-place database minor upgrade. */
export function devOnlyChange(): Scenario {
  const base = platformFixture();
  const head = clone(base);
  editYaml(head, kubernetesPath('dev', 'api-gateway', 'workload.yaml'), (docs) => {
    container(docs).image = container(docs).image.replace(':1.4.0', ':1.5.0');
    findDoc(docs, 'HorizontalPodAutoscaler').spec.maxReplicas = 4;
  });
  editJson(head, terraformPath('dev', 'data'), (stack) => {
    stack.resource.aws_rds_cluster.postgres.engine_version = '16.6';
  });
  return { base, head };
}

/** The same change in every environment (shown once), plus one difference per environment. */
export function allEnvironmentsChange(): Scenario {
  const base = platformFixture();
  const head = clone(base);
  for (const env of FIXTURE_ENVS) {
    editJson(head, terraformPath(env, 'network'), (stack) => {
      stack.resource.aws_vpc.vpc.tags.team = 'platform';
    });
    editYaml(head, kubernetesPath(env, 'api-gateway', 'workload.yaml'), (docs) => {
      const env_ = container(docs).env as Doc[];
      env_.find((e) => e.name === 'LOG_LEVEL')!.value = 'debug';
      env_.push({ name: 'SERVICE_ENVIRONMENT', value: env });
      const hpa = findDoc(docs, 'HorizontalPodAutoscaler');
      hpa.spec.maxReplicas += 1;
    });
  }
  return { base, head };
}

/** Production's data stack: engine switch, bucket rename, cache removal, an address change, a moved block. */
export function destructiveDatabaseChange(): Scenario {
  const base = platformFixture();
  const head = clone(base);
  editJson(head, terraformPath('prod', 'data'), (stack) => {
    const resource = stack.resource;
    Object.assign(resource.aws_rds_cluster.postgres, { engine: 'aurora-mysql', engine_version: '8.0.mysql_aurora.3.08.0', deletion_protection: false });
    resource.aws_s3_bucket.data_lake.bucket = resource.aws_s3_bucket.data_lake.bucket.replace('data-lake', 'lake');
    delete resource.aws_elasticache_replication_group;
    resource.aws_msk_cluster = { events: resource.aws_msk_cluster.kafka };
    resource.aws_kms_key = { data_at_rest: resource.aws_kms_key.data };
    stack.moved = [{ from: 'aws_kms_key.data', to: 'aws_kms_key.data_at_rest' }];
  });
  return { base, head };
}

/** What costs money: twice the brokers in dev, a cache node twice the size in prod. */
export function costChange(): Scenario {
  const base = platformFixture();
  const head = clone(base);
  editJson(head, terraformPath('dev', 'data'), (stack) => {
    stack.resource.aws_msk_cluster.kafka.number_of_broker_nodes = 6;
  });
  editJson(head, terraformPath('prod', 'data'), (stack) => {
    stack.resource.aws_elasticache_replication_group.redis.node_type = 'cache.r7g.xlarge';
  });
  return { base, head };
}

/** Secret values committed where they should not be, changing: none may ever be printed. */
export const SECRET_VALUES = {
  terraformOld: 'S3cr3t-old!',
  terraformNew: 'S3cr3t-new!',
  secretOld: 'b2xkLXBhc3MtMTIz', // base64 of old-pass-123
  secretNew: 'bmV3LXBhc3MtNDU2', // base64 of new-pass-456
  envOld: 'pl41n-old',
  envNew: 'pl41n-new',
  dsnOld: 'postgres://app:{{ .password }}@old-host/app',
  dsnNew: 'postgres://app:{{ .password }}@new-host/app',
  keyOld: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n',
  keyNew: '-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASD\n-----END PRIVATE KEY-----\n',
} as const;

function withSecrets(files: FixtureFiles, version: 'old' | 'new'): void {
  const pick = (old: string, fresh: string) => (version === 'old' ? old : fresh);
  const v = SECRET_VALUES;
  editJson(files, terraformPath('staging', 'data'), (stack) => {
    stack.resource.aws_secretsmanager_secret_version = {
      redis_auth: { secret_id: '${aws_secretsmanager_secret.redis_auth.id}', secret_string: pick(v.terraformOld, v.terraformNew) },
    };
    stack.output.redis_auth_token = { value: pick('${aws_secretsmanager_secret_version.redis_auth.secret_string}', v.terraformNew), sensitive: true };
  });
  editYaml(files, kubernetesPath('staging', 'api-gateway', 'workload.yaml'), (docs) => {
    container(docs).env.push({ name: 'DB_PASSWORD', value: pick(v.envOld, v.envNew) });
    const external = findDoc(docs, 'ExternalSecret');
    external.spec.target.template = { data: { DSN: pick(v.dsnOld, v.dsnNew) } };
    external.spec.data[0].remoteRef.key = pick(external.spec.data[0].remoteRef.key, 'platform/staging/api-gateway/api-keys-v2');
    docs.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'legacy-credentials', namespace: 'platform-apps' }, type: 'Opaque', data: { password: pick(v.secretOld, v.secretNew) } });
    docs.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tls-material', namespace: 'platform-apps' }, data: { 'tls.key': pick(v.keyOld, v.keyNew), mode: pick('strict', 'relaxed') } });
  });
}

/** Secrets change in staging: Terraform secret string and sensitive output, Secret data, env var, ExternalSecret template, a PEM key. */
export function secretChange(): Scenario {
  const base = platformFixture();
  withSecrets(base, 'old');
  const head = platformFixture();
  withSecrets(head, 'new');
  return { base, head };
}

/** Kubernetes and Argo CD changes that break or delete: immutable fields, a namespace, a removed and a dangling Application. */
export function destructiveKubernetesChange(): Scenario {
  const base = platformFixture();
  const head = clone(base);
  editYaml(head, kubernetesPath('dev', 'api-gateway', 'workload.yaml'), (docs) => {
    deployment(docs).spec.selector.matchLabels.tier = 'web';
    deployment(docs).spec.template.metadata.labels.tier = 'web';
    deployment(docs).spec.template.spec.volumes = [];
    const service = findDoc(docs, 'Service');
    Object.assign(service.spec, { type: 'LoadBalancer', clusterIP: '10.100.0.10' });
  });
  editYaml(head, kubernetesPath('dev', 'baseline', 'namespaces.yaml'), (docs) => {
    docs.splice(docs.indexOf(findDoc(docs, 'Namespace', 'platform-data')), 1);
  });
  const worker = structuredClone(head.get(argocdPath('dev', 'apps/api-gateway.yaml'))!);
  worker.path = argocdPath('dev', 'apps/worker.yaml');
  editYaml(new Map([[worker.path, worker]]), worker.path, (docs) => {
    docs[0]!.metadata.name = 'worker';
    docs[0]!.spec.source.path = 'generated/kubernetes/dev/worker';
  });
  head.set(worker.path, worker);
  head.delete(argocdPath('staging', 'apps/api-gateway.yaml'));
  head.delete(kubernetesPath('staging', 'api-gateway', 'workload.yaml'));
  return { base, head };
}

/**
 * A huge change: every environment gets `routes` Terraform routes and `configMaps` ConfigMaps
 * whose values differ per environment (by its position, not its name) and per item, so nothing
 * de-duplicates across environments.
 */
export function hugeChange(routes: number, configMaps: number, envs: readonly string[] = FIXTURE_ENVS): Scenario {
  const base = platformFixture(envs);
  const scale = (files: FixtureFiles, version: number) => {
    for (const [position, env] of envs.entries()) {
      editJson(files, terraformPath(env, 'network'), (stack) => {
        stack.resource.aws_route = Object.fromEntries(
          Array.from({ length: routes }, (_, i) => [
            `route_${i}`,
            { route_table_id: '${aws_route_table.private.id}', destination_cidr_block: `10.${i % 250}.${version}.0/24`, transit_gateway_id: `tgw-${position}-${i}-${version}` },
          ]),
        );
      });
      editYaml(files, kubernetesPath(env, 'api-gateway', 'workload.yaml'), (docs) => {
        for (let i = 0; i < configMaps; i++) {
          docs.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `settings-${i}`, namespace: 'platform-apps' }, data: { revision: `${position}-${i}-${version}`, ratio: String(i * version) } });
        }
      });
    }
  };
  const head = clone(base);
  scale(base, 1);
  scale(head, 2);
  return { base, head };
}
