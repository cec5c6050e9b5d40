/**
 * A small catalog fixture: two environments with explicit values for everything the pages print,
 * a gateway and one API service, and hand-written generated files (two Terraform stacks, three
 * Argo CD Applications) for the environment pages.
 */
import { dev } from '../../environments/dev.js';
import type { Environment } from '../../environments/types.js';
import type { ServiceDefinition } from '../../services/types.js';
import type { GeneratedFile } from '../document.js';
import { minimalService } from '../kubernetes/test-fixtures.js';
import { resolveEnvironment } from '../model/resolve.js';
import type { PlatformModel } from '../model/types.js';

export const echo: ServiceDefinition = {
  ...minimalService,
  name: 'echo',
  team: 'demo',
  description: 'Echoes | requests.',
  kind: 'api',
  routes: [{ pathPrefix: '/v1/echo' }],
  dependencies: { database: 'read', cache: false, topics: [{ name: 'echoes', access: 'produce', partitions: 3 }], buckets: [], secrets: [], calls: [] },
  environments: { dev: { imageTag: '1.0.0' }, staging: { imageTag: '1.0.0' }, prod: { imageTag: '0.9.0', replicas: { min: 3, max: 3 } } },
};

export const edge: ServiceDefinition = {
  ...minimalService,
  name: 'edge',
  team: 'platform',
  description: 'The gateway.',
  kind: 'gateway',
  dependencies: { ...minimalService.dependencies, calls: ['echo'] },
};

function environment(name: string, accountId: string, addons: Record<string, string>): Environment {
  return {
    ...dev,
    name,
    aws: { ...dev.aws, accountId, region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] },
    owners: { team: '@acme/platform', reviewers: [], costCenter: `cc-${name}`, alertEmail: 'alerts@acme.example' },
    domain: `${name}.example.com`,
    eks: { ...dev.eks, version: '1.35' },
    addons: addons as Environment['addons'],
    hostsPlatformTooling: name === 'prod',
    alerts: { availabilityPercent: 99, errorRatePercent: 5, latencyP99Ms: 800, cpuPercent: 90, memoryPercent: 85 },
    services: {},
  };
}

export function fixtureModel(): PlatformModel {
  const services = [edge, echo].map((s) => ({ file: `services/${s.name}/service.ts`, value: s }));
  return {
    environments: [
      resolveEnvironment({ file: 'environments/dev.ts', value: environment('dev', '111111111111', { 'argo-cd': '8.0.0', kyverno: '3.9.0' }) }, services),
      resolveEnvironment({ file: 'environments/prod.ts', value: environment('prod', '333333333333', { 'argo-cd': '8.0.0', kyverno: '3.8.0' }) }, services),
    ],
  };
}

const file = (path: string, environment: string, content: GeneratedFile['content']): GeneratedFile => ({ path, environment, generator: 'fixture', sources: [], content });

const stack = (env: string, name: string, reads: string[], resources: number): GeneratedFile =>
  file(`generated/terraform/${env}/${name}/main.tf.json`, env, {
    format: 'json',
    value: {
      terraform: { backend: { s3: { key: `${env}/${name}/terraform.tfstate` } } },
      ...(reads.length > 0 ? { data: { terraform_remote_state: Object.fromEntries(reads.map((r) => [r.split('/')[1]!, { backend: 's3', config: { key: r } }])) } } : {}),
      resource: { aws_thing: Object.fromEntries(Array.from({ length: resources }, (_, i) => [`t${i}`, {}])) },
    },
  });

const application = (env: string, name: string, wave: number, source: Record<string, unknown>) =>
  file(`argocd/${env}/apps/${name}.yaml`, env, {
    format: 'yaml',
    documents: [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name, namespace: 'argocd', annotations: { 'argocd.argoproj.io/sync-wave': String(wave) } },
        spec: { project: 'platform', source, destination: { namespace: 'platform-system' } },
      },
    ],
  });

/** What the other generators would have produced for `env`, reduced to what the environment page reads. */
export function fixtureFiles(env: string): GeneratedFile[] {
  return [
    stack(env, 'network', [], 2),
    stack(env, 'cluster', [`${env}/network/terraform.tfstate`, 'shared/dns/terraform.tfstate'], 3),
    application(env, 'argo-cd', 0, { repoURL: 'https://argoproj.github.io/argo-helm', chart: 'argo-cd', targetRevision: '8.0.0' }),
    application(env, 'kyverno', 1, { repoURL: 'https://kyverno.github.io/kyverno', chart: 'kyverno', targetRevision: env === 'prod' ? '3.8.0' : '3.9.0' }),
    application(env, 'echo', 2, { repoURL: 'https://github.com/acme/platform-gitops.git', path: `generated/kubernetes/${env}/echo` }),
  ];
}
