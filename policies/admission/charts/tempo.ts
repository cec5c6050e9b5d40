/**
 * Tempo chart 1.21.1 (Tempo 2.7.1): templates/statefulset.yaml, tempo-query disabled. The chart's
 * container securityContext is empty: our values harden it and give /var/tempo an emptyDir.
 */
import { HARDENED_CONTAINER, httpProbe, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

export const tempoRecord: ChartRecord = {
  chart: 'tempo',
  version: '1.21.1',
  releaseName: 'tempo',
  source: { repository: 'https://github.com/grafana/helm-charts', path: 'charts/tempo', ref: 'tempo-1.21.1' },
  assumedValues: {
    fullnameOverride: 'tempo',
    'tempo.securityContext': HARDENED_CONTAINER,
    'tempo.extraVolumeMounts': [{ name: 'tempo-data', mountPath: '/var/tempo' }],
    extraVolumes: [{ name: 'tempo-data', emptyDir: {} }],
    securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    'tempo.resources': requests('250m', '1Gi', '1', '2Gi'),
    'tempo.tag': undefined,
    'tempoQuery.enabled': undefined,
    'tempo.metricsGenerator.enabled': undefined,
  },
  workloads: [
    {
      kind: 'StatefulSet',
      name: 'tempo',
      template: 'templates/statefulset.yaml',
      podSpec: {
        // Chart default merged with ours.
        securityContext: { runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        volumes: [{ name: 'tempo-data', emptyDir: {} }, { name: 'tempo-conf', configMap: { name: 'tempo' } }],
        containers: [
          {
            name: 'tempo',
            image: 'grafana/tempo:2.7.1',
            securityContext: HARDENED_CONTAINER,
            resources: requests('250m', '1Gi', '1', '2Gi'),
            livenessProbe: httpProbe('/ready', 3100),
            readinessProbe: httpProbe('/ready', 3100),
          },
        ],
      },
    },
  ],
};
