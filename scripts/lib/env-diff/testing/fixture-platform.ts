/**
 * A small but representative generated repository for env-diff tests and benchmarks, in the real
 * output layout (paths from generators/naming.ts, headers from generators/render.ts, a manifest):
 * Terraform network and data stacks, Kubernetes apps, Argo CD app-of-apps and atlantis.yaml for
 * dev, staging and prod. Scenarios edit the files as data, then render them.
 */

import type { GeneratedFile } from '../../../../generators/document.js';
import { naming, type StackName } from '../../../../generators/naming.js';
import { renderFile } from '../../../../generators/render.js';
import { manifestEntry, manifestFile } from '../../manifest.js';
import { ATLANTIS_CONFIG_PATH } from '../layout.js';

// Test fixtures edit arbitrary generated documents; strict typing here would only add casts.
export type Doc = Record<string, any>;
export type FixtureFiles = Map<string, GeneratedFile>;

export const FIXTURE_ENVS: readonly string[] = ['dev', 'staging', 'prod'];
const ACCOUNTS: Record<string, string> = { dev: '111111111111', staging: '222222222222', prod: '333333333333' };
const CIDRS: Record<string, string> = { dev: '10.10.0.0/16', staging: '10.20.0.0/16', prod: '10.30.0.0/16' };
const REPLICAS: Record<string, [number, number]> = { dev: [1, 3], staging: [2, 6], prod: [3, 12] };
export const FIXTURE_STACKS: readonly StackName[] = ['network', 'data'];
const SOURCE = (env: string) => [`environments/${env}.ts`];

export const terraformPath = (env: string, stack: StackName) => `${naming.terraformDir(env, stack)}/main.tf.json`;
export const kubernetesPath = (env: string, app: string, file: string) => `${naming.kubernetesDir(env, app)}/${file}`;
export const argocdPath = (env: string, file: string) => `${naming.argocdDir(env)}/${file}`;

function stackSkeleton(env: string, stack: StackName): Doc {
  return {
    terraform: {
      backend: { s3: { bucket: naming.stateBucket(ACCOUNTS[env]!), key: naming.stateKey(env, stack), region: 'eu-west-1', encrypt: true, use_lockfile: true } },
      required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } },
    },
    provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: [ACCOUNTS[env]!], default_tags: [{ tags: { environment: env, 'managed-by': 'terraform' } }] }] },
  };
}

export function networkStack(env: string): Doc {
  const prefix = naming.envPrefix(env);
  return {
    ...stackSkeleton(env, 'network'),
    resource: {
      aws_vpc: { vpc: { cidr_block: CIDRS[env]!, enable_dns_hostnames: true, enable_dns_support: true, tags: { Name: prefix } } },
      aws_subnet: {
        subnet_private_eu_west_1a: {
          availability_zone: 'eu-west-1a',
          cidr_block: CIDRS[env]!.replace('0.0/16', '0.0/20'),
          tags: { Name: `${prefix}-private-eu-west-1a` },
          vpc_id: '${aws_vpc.vpc.id}',
        },
      },
    },
    output: { vpc_id: { description: 'VPC id', value: '${aws_vpc.vpc.id}' } },
  };
}

export function dataStack(env: string): Doc {
  const prefix = naming.envPrefix(env);
  return {
    ...stackSkeleton(env, 'data'),
    resource: {
      aws_kms_key: { data: { deletion_window_in_days: 30, enable_key_rotation: true, description: `${prefix} data at rest` } },
      aws_rds_cluster: {
        postgres: {
          cluster_identifier: `${prefix}-postgres`,
          engine: 'aurora-postgresql',
          engine_version: '16.4',
          database_name: naming.databaseName,
          master_username: 'platform_admin',
          manage_master_user_password: true,
          storage_encrypted: true,
          kms_key_id: '${aws_kms_key.data.arn}',
          deletion_protection: env === 'prod',
          backup_retention_period: env === 'prod' ? 30 : 7,
        },
      },
      aws_s3_bucket: { data_lake: { bucket: naming.dataLakeBucket(env, 'data-lake', ACCOUNTS[env]!) } },
      aws_elasticache_replication_group: {
        redis: {
          replication_group_id: `${prefix}-redis`,
          description: 'Platform cache',
          node_type: env === 'prod' ? 'cache.r7g.large' : 'cache.t4g.small',
          at_rest_encryption_enabled: true,
          transit_encryption_enabled: true,
        },
      },
      aws_msk_cluster: {
        kafka: {
          cluster_name: `${prefix}-kafka`,
          kafka_version: '3.6.0',
          number_of_broker_nodes: 3,
          broker_node_group_info: { instance_type: 'kafka.m7g.large', client_subnets: ['${var.subnet_a}', '${var.subnet_b}', '${var.subnet_c}'] },
          encryption_info: { encryption_in_transit: { client_broker: 'TLS', in_cluster: true } },
        },
      },
      aws_secretsmanager_secret: { redis_auth: { name: naming.cacheAuthSecret(env), kms_key_id: '${aws_kms_key.data.arn}' } },
    },
    output: { postgres_endpoint: { value: '${aws_rds_cluster.postgres.endpoint}' } },
  };
}

export function baselineManifests(): Doc[] {
  const namespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } });
  return [
    namespace(naming.namespaces.apps),
    namespace(naming.namespaces.data),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: naming.namespaces.apps },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
  ];
}

export function apiGatewayManifests(env: string): Doc[] {
  const name = 'api-gateway';
  const namespace = naming.namespaces.apps;
  const labels = () => ({ 'app.kubernetes.io/name': name });
  const [min, max] = REPLICAS[env]!;
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, labels: labels() },
      spec: {
        selector: { matchLabels: labels() },
        template: {
          metadata: { labels: labels() },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true },
            containers: [
              {
                name,
                image: `${ACCOUNTS[env]!}.dkr.ecr.eu-west-1.amazonaws.com/${naming.ecrRepository(name)}:1.4.0`,
                env: [
                  { name: 'LOG_LEVEL', value: 'info' },
                  { name: 'DB_HOST', value: naming.postgresHost(env) },
                ],
                envFrom: [{ secretRef: { name: `${name}-secrets` } }],
                ports: [{ name: 'http', containerPort: 8080 }],
                resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '256Mi' } },
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, labels: labels() }, spec: { type: 'ClusterIP', selector: labels(), ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name, namespace },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: min,
        maxReplicas: max,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
    {
      apiVersion: 'external-secrets.io/v1beta1',
      kind: 'ExternalSecret',
      metadata: { name: `${name}-secrets`, namespace },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { kind: 'ClusterSecretStore', name: naming.clusterSecretStore },
        target: { name: `${name}-secrets` },
        data: [{ secretKey: 'API_KEY', remoteRef: { key: naming.serviceSecret(env, name, 'api-keys'), property: 'api-key' } }],
      },
    },
  ];
}

function application(env: string, app: string, path: string, namespace: string): Doc {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: app, namespace: naming.argocdNamespace, finalizers: ['resources-finalizer.argocd.argoproj.io'] },
    spec: {
      project: 'platform',
      source: { repoURL: 'https://github.com/acme/platform-gitops.git', targetRevision: 'main', path },
      destination: { server: 'https://kubernetes.default.svc', namespace },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  };
}

export function atlantisConfig(envs: readonly string[]): Doc {
  const projects = envs.flatMap((env) =>
    FIXTURE_STACKS.map((stack) => ({
      name: naming.atlantisProject(env, stack),
      dir: naming.terraformDir(env, stack),
      workspace: 'default',
      autoplan: { enabled: true, when_modified: ['*.tf.json'] },
      depends_on: stack === 'data' ? [naming.atlantisProject(env, 'network')] : [],
      apply_requirements: env === 'prod' ? ['approved', 'mergeable'] : ['mergeable'],
    })),
  );
  return { version: 3, automerge: false, parallel_plan: true, projects };
}

function file(path: string, environment: string | null, generator: string, content: GeneratedFile['content'], sources: string[]): GeneratedFile {
  return { path, environment, generator, sources, content };
}

/** The whole fixture repository's generated files. */
export function platformFixture(envs: readonly string[] = FIXTURE_ENVS): FixtureFiles {
  const files: GeneratedFile[] = envs.flatMap((env) => [
    file(terraformPath(env, 'network'), env, 'terraform/network', { format: 'json', value: networkStack(env) }, SOURCE(env)),
    file(terraformPath(env, 'data'), env, 'terraform/data', { format: 'json', value: dataStack(env) }, SOURCE(env)),
    file(kubernetesPath(env, 'baseline', 'namespaces.yaml'), env, 'kubernetes/baseline', { format: 'yaml', documents: baselineManifests() }, SOURCE(env)),
    file(kubernetesPath(env, 'api-gateway', 'workload.yaml'), env, 'kubernetes/service', { format: 'yaml', documents: apiGatewayManifests(env) }, [
      ...SOURCE(env),
      'services/api-gateway/service.ts',
    ]),
    file(argocdPath(env, 'root.yaml'), env, 'argocd/root', { format: 'yaml', documents: [application(env, 'root', naming.argocdDir(env), naming.argocdNamespace)] }, SOURCE(env)),
    file(argocdPath(env, 'projects/platform.yaml'), env, 'argocd/projects', {
      format: 'yaml',
      documents: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'platform', namespace: naming.argocdNamespace }, spec: { sourceRepos: ['*'] } }],
    }, SOURCE(env)),
    ...['baseline', 'api-gateway'].map((app) =>
      file(argocdPath(env, `apps/${app}.yaml`), env, 'argocd/apps', {
        format: 'yaml',
        documents: [application(env, app, naming.kubernetesDir(env, app), app === 'baseline' ? 'default' : naming.namespaces.apps)],
      }, SOURCE(env)),
    ),
  ]);
  files.push(file(ATLANTIS_CONFIG_PATH, null, 'atlantis', { format: 'yaml', documents: [atlantisConfig(envs)] }, ['environments/']));
  return new Map(files.map((f) => [f.path, f]));
}

/** Renders every file plus the manifest, and optionally source files, as a path → text map. */
export function renderFixture(files: FixtureFiles, sources: Record<string, string> = {}): Record<string, string> {
  const generated = [...files.values()];
  const rendered = Object.fromEntries([...generated, manifestFile(generated.map(manifestEntry))].map((f) => [f.path, renderFile(f)]));
  return { ...sources, ...rendered };
}

function get(files: FixtureFiles, path: string): GeneratedFile {
  const found = files.get(path);
  if (!found) throw new Error(`fixture has no ${path}`);
  return found;
}

/** Edits a JSON file's value in place. */
export function editJson(files: FixtureFiles, path: string, edit: (value: Doc) => void): void {
  const content = get(files, path).content;
  if (content.format !== 'json') throw new Error(`${path} is not JSON`);
  edit(content.value);
}

/** Edits a YAML file's documents in place (the array may be changed too). */
export function editYaml(files: FixtureFiles, path: string, edit: (documents: Doc[]) => void): void {
  const content = get(files, path).content;
  if (content.format !== 'yaml') throw new Error(`${path} is not YAML`);
  edit(content.documents as Doc[]);
}

/** The document of a given kind (and name) in a YAML file. */
export function findDoc(documents: Doc[], kind: string, name?: string): Doc {
  const found = documents.find((d) => d.kind === kind && (name === undefined || d.metadata?.name === name));
  if (!found) throw new Error(`no ${kind} ${name ?? ''}`);
  return found;
}

export function clone(files: FixtureFiles): FixtureFiles {
  return new Map([...files].map(([path, f]) => [path, structuredClone(f)]));
}
