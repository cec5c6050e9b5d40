/**
 * A small environment that comes up: the root app-of-apps, Argo CD (with the Application health
 * check), a baseline, three add-ons (External Secrets, the load balancer controller,
 * metrics-server), a secret store and one web app with an Ingress, plus the Terraform it reads.
 * Tests change one thing in it (`bringUpFixture(change)`) to break one semantic.
 */
import { APPLICATION_HEALTH_LUA } from '../../generators/argocd/values.js';
import type { PolicyFile } from '../engine/documents.js';
import { yamlFile, type Manifest } from './kubernetes-fixtures.js';
import { stackJson, type Json } from './terraform-fixtures.js';

const ENV = 'dev';
const ACCOUNT = '111111111111';
const REPO = 'https://github.com/acme/platform-gitops.git';
export const WEB_HOST = 'web.platform.example';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

export interface BringUpFixture {
  argoCdValues: Manifest;
  /** Application name → its Application object. */
  apps: Record<string, Manifest>;
  /** Manifest app name → its objects. */
  manifests: Record<string, Manifest[]>;
  projects: Manifest[];
  terraform: Json;
}

const application = (name: string, wave: number, source: Manifest, namespace = 'platform-apps'): Manifest => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd', annotations: { 'argocd.argoproj.io/sync-wave': String(wave) } },
  spec: { project: 'platform', source, destination: { server: 'https://kubernetes.default.svc', namespace } },
});
const folder = (name: string, wave: number, namespace?: string) => application(name, wave, { repoURL: REPO, path: `generated/kubernetes/${ENV}/${name}`, targetRevision: 'main' }, namespace);
const chart = (name: string, wave: number, values: Manifest, namespace = 'platform-system') =>
  application(name, wave, { repoURL: 'https://charts.example', chart: name, targetRevision: '1.0.0', helm: { releaseName: name, valuesObject: values } }, namespace);

function fixture(): BringUpFixture {
  const argoCdValues = { configs: { cm: { 'resource.customizations.health.argoproj.io_Application': APPLICATION_HEALTH_LUA } } };
  return {
    argoCdValues,
    projects: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'platform', namespace: 'argocd', annotations: { 'argocd.argoproj.io/sync-wave': '-1' } }, spec: {} }],
    apps: {
      'argo-cd': chart('argo-cd', 0, argoCdValues, 'argocd'),
      baseline: folder('baseline', 0, 'platform-system'),
      'external-secrets': chart('external-secrets', 1, { serviceAccount: { name: 'external-secrets', annotations: { 'eks.amazonaws.com/role-arn': role('irsa-external-secrets') } } }),
      'aws-load-balancer-controller': chart('aws-load-balancer-controller', 1, {
        enableServiceMutatorWebhook: false,
        serviceAccount: { name: 'aws-load-balancer-controller', annotations: { 'eks.amazonaws.com/role-arn': role('irsa-alb') } },
      }),
      'metrics-server': chart('metrics-server', 1, {}),
      'secret-store': folder('secret-store', 2, 'platform-system'),
      web: folder('web', 3),
    },
    manifests: {
      baseline: [
        ...['platform-system', 'platform-apps'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
        ...['platform-system', 'platform-apps'].map((namespace) => ({
          apiVersion: 'v1',
          kind: 'ResourceQuota',
          metadata: { name: 'budget', namespace },
          spec: { hard: { 'services.nodeports': 0, 'services.loadbalancers': 0 } },
        })),
        { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gp3', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } },
      ],
      'secret-store': [
        {
          apiVersion: 'external-secrets.io/v1',
          kind: 'ClusterSecretStore',
          metadata: { name: 'aws' },
          spec: { provider: { aws: { service: 'SecretsManager', auth: { jwt: { serviceAccountRef: { name: 'external-secrets', namespace: 'platform-system' } } } } } },
        },
      ],
      web: [
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web', namespace: 'platform-apps', annotations: { 'eks.amazonaws.com/role-arn': role('irsa-web') } } },
        {
          apiVersion: 'external-secrets.io/v1',
          kind: 'ExternalSecret',
          metadata: { name: 'web', namespace: 'platform-apps' },
          spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws' }, target: { name: 'web' }, data: [{ secretKey: 'key', remoteRef: { key: 'platform/dev/web/key' } }] },
        },
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'platform-apps' },
          spec: {
            template: {
              spec: {
                serviceAccountName: 'web',
                containers: [{ name: 'web', image: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/platform/web:1.0.0` }],
                volumes: [{ name: 'key', secret: { secretName: 'web' } }],
              },
            },
          },
        },
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'platform-apps' }, spec: { type: 'ClusterIP' } },
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'Ingress',
          metadata: { name: 'web', namespace: 'platform-apps', annotations: { 'alb.ingress.kubernetes.io/listen-ports': '[{"HTTPS":443}]' } },
          spec: { ingressClassName: 'alb', rules: [{ host: WEB_HOST }] },
        },
        {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'web', namespace: 'platform-apps' },
          spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, metrics: [{ type: 'Resource', resource: { name: 'cpu' } }] },
        },
      ],
    },
    terraform: {
      resource: {
        aws_iam_role: Object.fromEntries(['irsa-external-secrets', 'irsa-alb', 'irsa-web'].map((name) => [name.replace(/-/g, '_'), { name }])),
        aws_acm_certificate: { web: { domain_name: WEB_HOST } },
        aws_secretsmanager_secret: { web_key: { name: 'platform/dev/web/key' } },
        aws_ecr_repository: { web: { name: 'platform/web' } },
        aws_eks_addon: { ebs: { addon_name: 'aws-ebs-csi-driver' } },
        aws_eks_node_group: { apps: { node_group_name: 'apps', labels: { pool: 'apps' }, taint: [] } },
      },
    },
  };
}

/** The fixture's files, after `change` (which may edit anything in the fixture). */
export function bringUpFixture(change: (f: BringUpFixture) => void = () => {}): PolicyFile[] {
  const f = fixture();
  change(f);
  const root = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'root', namespace: 'argocd' },
    spec: { project: 'root', source: { repoURL: REPO, path: `argocd/${ENV}`, targetRevision: 'main' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'argocd' } },
  };
  return [
    yamlFile(`argocd/${ENV}/root.yaml`, [root], ENV),
    yamlFile(`argocd/${ENV}/projects/platform.yaml`, f.projects, ENV),
    ...Object.entries(f.apps).map(([name, app]) => yamlFile(`argocd/${ENV}/apps/${name}.yaml`, [app], ENV)),
    ...Object.entries(f.manifests).flatMap(([app, objects]) =>
      objects.map((o) => yamlFile(`generated/kubernetes/${ENV}/${app}/${String(o.kind).toLowerCase()}-${o.metadata.name}.yaml`, [o], ENV)),
    ),
    stackJson(ENV, 'cluster', f.terraform),
  ];
}

export const webObject = (f: BringUpFixture, kind: string): Manifest => f.manifests.web!.find((o) => o.kind === kind)!;
