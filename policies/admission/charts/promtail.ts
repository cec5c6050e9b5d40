/**
 * promtail chart 6.16.6 (promtail 3.0.0): templates/daemonset.yaml with templates/_pod.tpl. Runs as
 * root (podSecurityContext runAsUser 0) with hostPath volumes to read the node's logs: covered by
 * the dated K8S-001 and K8S-008 node-agent exceptions.
 */
import { httpProbe, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

export const promtailRecord: ChartRecord = {
  chart: 'promtail',
  version: '6.16.6',
  releaseName: 'promtail',
  source: { repository: 'https://github.com/grafana/helm-charts', path: 'charts/promtail', ref: 'promtail-6.16.6' },
  assumedValues: {
    podSecurityContext: undefined,
    containerSecurityContext: undefined,
    hostNetwork: undefined,
    'sidecar.configReloader.enabled': undefined,
    'image.tag': undefined,
    defaultVolumes: undefined,
    livenessProbe: { httpGet: { path: '/ready', port: 'http-metrics' }, periodSeconds: 30, failureThreshold: 5 },
    resources: requests('50m', '128Mi', '200m', '256Mi'),
  },
  workloads: [
    {
      kind: 'DaemonSet',
      name: 'promtail',
      template: 'templates/daemonset.yaml',
      podSpec: {
        securityContext: { runAsUser: 0, runAsGroup: 0 },
        volumes: [
          { name: 'config', configMap: { name: 'promtail' } },
          { name: 'run', hostPath: { path: '/run/promtail' } },
          { name: 'containers', hostPath: { path: '/var/lib/docker/containers' } },
          { name: 'pods', hostPath: { path: '/var/log/pods' } },
        ],
        containers: [
          {
            name: 'promtail',
            image: 'docker.io/grafana/promtail:3.0.0',
            securityContext: { readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false },
            resources: requests('50m', '128Mi', '200m', '256Mi'),
            livenessProbe: httpProbe('/ready', 'http-metrics'),
            readinessProbe: httpProbe('/ready', 'http-metrics'),
          },
        ],
      },
    },
  ],
};
