/**
 * Loki chart 6.30.1 (Loki 3.5.0), SimpleScalable, from grafana/loki production/helm/loki:
 * write/statefulset-write.yaml, read/deployment-read.yaml, backend/statefulset-backend.yaml (with
 * the rules sidecar), gateway/deployment-gateway-nginx.yaml and memcached/_memcached-statefulset.tpl
 * (chunks and results caches with the exporter sidecar). Canary and test disabled. Restricted
 * securityContexts by default; probes are missing where no value adds them (K8S-006 exceptions).
 */
import { HARDENED_CONTAINER, httpProbe, requests } from './hardened.js';
import type { ChartRecord, RecordedContainer, RecordedWorkload } from './record.js';

const LOKI_POD = { fsGroup: 10001, runAsGroup: 10001, runAsNonRoot: true, runAsUser: 10001 };
const LOKI_IMAGE = 'docker.io/grafana/loki:3.5.0';
const READY = httpProbe('/ready', 'http-metrics');
const EXPORTER = requests('10m', '32Mi', '100m', '64Mi');
const SIDECAR = requests('10m', '64Mi', '100m', '128Mi');

const loki = (resources: ReturnType<typeof requests>, liveness = false): RecordedContainer => ({
  name: 'loki',
  image: LOKI_IMAGE,
  securityContext: HARDENED_CONTAINER,
  resources,
  readinessProbe: READY,
  ...(liveness ? { livenessProbe: READY } : {}),
});

/** Memcached resources are computed from allocatedMemory (MiB): memory round(1.2 × allocated), cpu 500m. */
const cache = (component: string, allocatedMemory: number): RecordedWorkload => {
  const memory = `${Math.floor((allocatedMemory * 12 + 5) / 10)}Mi`;
  return {
    kind: 'StatefulSet',
    name: `loki-${component}`,
    template: 'templates/memcached/_memcached-statefulset.tpl',
    podSpec: {
      securityContext: { runAsNonRoot: true, runAsUser: 11211, runAsGroup: 11211, fsGroup: 11211 },
      containers: [
        { name: 'memcached', image: 'memcached:1.6.38-alpine', securityContext: HARDENED_CONTAINER, resources: { requests: { cpu: '500m', memory }, limits: { memory } } },
        { name: 'exporter', image: 'prom/memcached-exporter:v0.15.2', securityContext: HARDENED_CONTAINER, resources: EXPORTER },
      ],
    },
  };
};

export const lokiRecord: ChartRecord = {
  chart: 'loki',
  version: '6.30.1',
  releaseName: 'loki',
  source: { repository: 'https://github.com/grafana/loki', path: 'production/helm/loki', ref: 'helm-loki-6.30.1' },
  assumedValues: {
    fullnameOverride: 'loki',
    deploymentMode: 'SimpleScalable',
    'loki.podSecurityContext': undefined,
    'loki.containerSecurityContext': undefined,
    'loki.image': undefined,
    'gateway.podSecurityContext': undefined,
    'gateway.containerSecurityContext': undefined,
    'memcached.podSecurityContext': undefined,
    'sidecar.securityContext': undefined,
    'sidecar.rules.enabled': undefined,
    'lokiCanary.enabled': false,
    'test.enabled': false,
    'read.livenessProbe': { httpGet: { path: '/ready', port: 'http-metrics' }, initialDelaySeconds: 30 },
    'write.resources': requests('100m', '512Mi', '1', '1Gi'),
    'read.resources': requests('100m', '512Mi', '1', '1Gi'),
    'backend.resources': requests('100m', '256Mi', '1', '512Mi'),
    'gateway.resources': requests('50m', '64Mi', '200m', '128Mi'),
    'sidecar.resources': SIDECAR,
    'memcachedExporter.resources': EXPORTER,
    'chunksCache.allocatedMemory': 1024,
    'resultsCache.allocatedMemory': 256,
  },
  workloads: [
    { kind: 'StatefulSet', name: 'loki-write', template: 'templates/write/statefulset-write.yaml', podSpec: { securityContext: LOKI_POD, containers: [loki(requests('100m', '512Mi', '1', '1Gi'))] } },
    {
      kind: 'Deployment',
      name: 'loki-read',
      template: 'templates/read/deployment-read.yaml',
      podSpec: { securityContext: LOKI_POD, volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'data', emptyDir: {} }], containers: [loki(requests('100m', '512Mi', '1', '1Gi'), true)] },
    },
    {
      kind: 'StatefulSet',
      name: 'loki-backend',
      template: 'templates/backend/statefulset-backend.yaml',
      podSpec: {
        securityContext: LOKI_POD,
        containers: [{ name: 'loki-sc-rules', image: 'kiwigrid/k8s-sidecar:1.30.3', securityContext: HARDENED_CONTAINER, resources: SIDECAR }, loki(requests('100m', '256Mi', '1', '512Mi'))],
      },
    },
    {
      kind: 'Deployment',
      name: 'loki-gateway',
      template: 'templates/gateway/deployment-gateway-nginx.yaml',
      podSpec: {
        securityContext: { fsGroup: 101, runAsGroup: 101, runAsNonRoot: true, runAsUser: 101 },
        volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'docker-entrypoint-d-override', emptyDir: {} }],
        containers: [{ name: 'nginx', image: 'docker.io/nginxinc/nginx-unprivileged:1.28-alpine', securityContext: HARDENED_CONTAINER, resources: requests('50m', '64Mi', '200m', '128Mi'), readinessProbe: httpProbe('/', 'http-metrics') }],
      },
    },
    cache('chunks-cache', 1024),
    cache('results-cache', 256),
  ],
};
