/**
 * Argo CD chart 8.0.17 (Argo CD v3.0.6), fullnameOverride argocd: the application controller
 * StatefulSet, server, repo-server (copyutil init container), redis, dex (copyutil init
 * container), ApplicationSet and notifications controllers, and the redis-secret-init hook Job.
 * Commit server and redis-ha are off. Container securityContexts are restricted by default, no Pod
 * securityContext except redis. The controller renders only a readiness probe (K8S-006 exception).
 */
import { requests } from './hardened.js';
import type { ChartRecord, RecordedContainer, RecordedWorkload } from './record.js';

const ARGOCD_IMAGE = 'quay.io/argoproj/argocd:v3.0.6';
const RESTRICTED = {
  runAsNonRoot: true,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  seccompProfile: { type: 'RuntimeDefault' },
  capabilities: { drop: ['ALL'] },
};
const REDIS_CONTAINER = { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };

const CONTROLLER = requests('250m', '512Mi', '2', '2Gi');
const SERVER = requests('50m', '128Mi', '500m', '256Mi');
const REPO_SERVER = requests('100m', '256Mi', '1', '1Gi');
const DEX = requests('10m', '32Mi', '100m', '128Mi');
const REDIS = requests('50m', '64Mi', '200m', '256Mi');
const REDIS_SECRET_INIT = requests('10m', '32Mi', '100m', '64Mi');
const APPLICATION_SET = requests('50m', '64Mi', '500m', '256Mi');
const NOTIFICATIONS = requests('50m', '64Mi', '200m', '128Mi');

const both = (probe: Record<string, unknown>) => ({ livenessProbe: probe, readinessProbe: probe });
const container = (name: string, resources: ReturnType<typeof requests>, extra: Partial<RecordedContainer> = {}): RecordedContainer => ({
  name,
  image: ARGOCD_IMAGE,
  securityContext: RESTRICTED,
  resources,
  ...extra,
});
const deployment = (name: string, template: string, containers: RecordedContainer[], extra: Partial<RecordedWorkload['podSpec']> = {}): RecordedWorkload => ({
  kind: 'Deployment',
  name,
  template,
  podSpec: { containers, ...extra },
});

const probedValues = (resources: ReturnType<typeof requests>) => ({ resources, 'livenessProbe.enabled': true, 'readinessProbe.enabled': true });
const assumed = (component: string, values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [`${component}.${k}`, v]));

export const argoCdRecord: ChartRecord = {
  chart: 'argo-cd',
  version: '8.0.17',
  releaseName: 'argo-cd',
  source: { repository: 'https://github.com/argoproj/argo-helm', path: 'charts/argo-cd', ref: 'argo-cd-8.0.17' },
  assumedValues: {
    fullnameOverride: 'argocd',
    'global.securityContext': undefined,
    'global.image': undefined,
    'commitServer.enabled': undefined,
    'redis-ha.enabled': undefined,
    'dex.enabled': undefined,
    'controller.resources': CONTROLLER,
    'server.resources': SERVER,
    'repoServer.resources': REPO_SERVER,
    'redisSecretInit.resources': REDIS_SECRET_INIT,
    ...assumed('dex', probedValues(DEX)),
    ...assumed('redis', probedValues(REDIS)),
    ...assumed('applicationSet', probedValues(APPLICATION_SET)),
    ...assumed('notifications', probedValues(NOTIFICATIONS)),
    'controller.containerSecurityContext': undefined,
    'server.containerSecurityContext': undefined,
    'repoServer.containerSecurityContext': undefined,
    'redis.securityContext': undefined,
    'redis.containerSecurityContext': undefined,
  },
  workloads: [
    {
      kind: 'StatefulSet',
      name: 'argocd-application-controller',
      template: 'templates/argocd-application-controller/statefulset.yaml',
      podSpec: {
        volumes: [{ name: 'argocd-home', emptyDir: {} }, { name: 'argocd-application-controller-tmp', emptyDir: {} }],
        containers: [container('application-controller', CONTROLLER, { readinessProbe: { httpGet: { path: '/healthz', port: 'metrics' } } })],
      },
    },
    deployment('argocd-server', 'templates/argocd-server/deployment.yaml', [
      container('server', SERVER, { livenessProbe: { httpGet: { path: '/healthz?full=true', port: 'server' } }, readinessProbe: { httpGet: { path: '/healthz', port: 'server' } } }),
    ]),
    deployment('argocd-repo-server', 'templates/argocd-repo-server/deployment.yaml', [container('repo-server', REPO_SERVER, { livenessProbe: { httpGet: { path: '/healthz?full=true', port: 'metrics' } }, readinessProbe: { httpGet: { path: '/healthz', port: 'metrics' } } })], {
      initContainers: [container('copyutil', REPO_SERVER)],
    }),
    deployment('argocd-dex-server', 'templates/dex/deployment.yaml', [{ ...container('dex-server', DEX, { livenessProbe: { httpGet: { path: '/healthz/live', port: 'metrics' } }, readinessProbe: { httpGet: { path: '/healthz/ready', port: 'metrics' } } }), image: 'ghcr.io/dexidp/dex:v2.43.1' }], {
      initContainers: [container('copyutil', DEX)],
    }),
    deployment(
      'argocd-redis',
      'templates/redis/deployment.yaml',
      [{ name: 'redis', image: 'ecr-public.aws.com/docker/library/redis:7.2.8-alpine', securityContext: REDIS_CONTAINER, resources: REDIS, livenessProbe: { exec: { command: ['sh', '-c', '/health/redis_liveness.sh'] } }, readinessProbe: { exec: { command: ['sh', '-c', '/health/redis_readiness.sh'] } } }],
      { securityContext: { runAsNonRoot: true, runAsUser: 999, seccompProfile: { type: 'RuntimeDefault' } } },
    ),
    deployment('argocd-applicationset-controller', 'templates/argocd-applicationset/deployment.yaml', [container('applicationset-controller', APPLICATION_SET, both({ httpGet: { path: '/healthz', port: 'probe' } }))]),
    deployment('argocd-notifications-controller', 'templates/argocd-notifications/deployment.yaml', [container('notifications-controller', NOTIFICATIONS, both({ tcpSocket: { port: 'metrics' } }))]),
    {
      kind: 'Job',
      name: 'argocd-redis-secret-init',
      template: 'templates/redis-secret-init/job.yaml (pre-install/pre-upgrade hook: an Argo CD PreSync hook)',
      podSpec: { containers: [container('secret-init', REDIS_SECRET_INIT)] },
    },
  ],
};
