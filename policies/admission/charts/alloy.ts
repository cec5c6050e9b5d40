/**
 * Grafana Alloy chart 1.11.1 (Alloy v1.18.1): templates/controllers/deployment.yaml with
 * controllers/_pod.yaml and containers/_agent.yaml (controller.type deployment). Our values make it
 * restricted: non-root 473 with a read-only root (data in an emptyDir), no host paths (varlog and
 * dockercontainers off), no config-reloader sidecar (containers/_watch.yaml renders nothing), and
 * a liveness probe beside the chart's readiness probe on the http-metrics port 12345.
 */
import { HARDENED_CONTAINER, httpProbe, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

const ALLOY_UID = 473;
const STORAGE = { name: 'storage', emptyDir: { sizeLimit: '1Gi' } };

export const alloyRecord: ChartRecord = {
  chart: 'alloy',
  version: '1.11.1',
  releaseName: 'alloy',
  source: { repository: 'https://github.com/grafana/alloy', path: 'operations/helm/charts/alloy', ref: 'helm-chart/1.11.1' },
  assumedValues: {
    fullnameOverride: 'alloy',
    'controller.type': 'deployment',
    'global.podSecurityContext': { runAsNonRoot: true, runAsUser: ALLOY_UID, runAsGroup: ALLOY_UID, fsGroup: ALLOY_UID, seccompProfile: { type: 'RuntimeDefault' } },
    'alloy.securityContext': {
      runAsNonRoot: true,
      runAsUser: ALLOY_UID,
      runAsGroup: ALLOY_UID,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    'alloy.resources': requests('100m', '256Mi', '500m', '512Mi'),
    'alloy.livenessProbe': { httpGet: { path: '/-/ready', port: 'http-metrics' }, periodSeconds: 30, failureThreshold: 5 },
    'alloy.mounts.varlog': false,
    'alloy.mounts.dockercontainers': false,
    'alloy.enableHttpServerPort': undefined,
    'alloy.listenPort': undefined,
    'configReloader.enabled': false,
    'controller.volumes.extra': [STORAGE],
    'controller.hostNetwork': undefined,
    'controller.hostPID': undefined,
    'controller.initContainers': undefined,
    'controller.extraContainers': undefined,
    image: undefined,
    'global.image': undefined,
  },
  workloads: [
    {
      kind: 'Deployment',
      name: 'alloy',
      template: 'templates/controllers/deployment.yaml',
      podSpec: {
        securityContext: { runAsNonRoot: true, runAsUser: ALLOY_UID, runAsGroup: ALLOY_UID, fsGroup: ALLOY_UID, seccompProfile: { type: 'RuntimeDefault' } },
        volumes: [{ name: 'config', configMap: { name: 'alloy' } }, STORAGE],
        containers: [
          {
            name: 'alloy',
            image: 'docker.io/grafana/alloy:v1.18.1',
            securityContext: { ...HARDENED_CONTAINER, runAsNonRoot: true, runAsUser: ALLOY_UID, runAsGroup: ALLOY_UID, seccompProfile: { type: 'RuntimeDefault' } },
            resources: requests('100m', '256Mi', '500m', '512Mi'),
            livenessProbe: httpProbe('/-/ready', 'http-metrics'),
            readinessProbe: httpProbe('/-/ready', 12345),
          },
        ],
      },
    },
  ],
};
