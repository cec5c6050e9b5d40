/** OpenTelemetry Collector chart 0.126.0 (collector 0.127.0), mode deployment: templates/deployment.yaml with templates/_pod.tpl. */
import { hardenedContainerAs, httpProbe, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

export const openTelemetryCollectorRecord: ChartRecord = {
  chart: 'opentelemetry-collector',
  version: '0.126.0',
  releaseName: 'opentelemetry-collector',
  source: { repository: 'https://github.com/open-telemetry/opentelemetry-helm-charts', path: 'charts/opentelemetry-collector', ref: 'opentelemetry-collector-0.126.0' },
  assumedValues: {
    fullnameOverride: 'opentelemetry-collector',
    mode: 'deployment',
    'image.repository': 'otel/opentelemetry-collector-k8s',
    'image.tag': undefined,
    securityContext: hardenedContainerAs(10001),
    podSecurityContext: undefined,
    hostNetwork: undefined,
    presets: undefined,
    resources: requests('100m', '256Mi', '500m', '512Mi'),
  },
  workloads: [
    {
      kind: 'Deployment',
      name: 'opentelemetry-collector',
      template: 'templates/deployment.yaml',
      podSpec: {
        securityContext: {},
        volumes: [{ name: 'opentelemetry-collector-configmap', configMap: { name: 'opentelemetry-collector' } }],
        containers: [
          {
            name: 'opentelemetry-collector',
            image: 'otel/opentelemetry-collector-k8s:0.127.0',
            securityContext: hardenedContainerAs(10001),
            resources: requests('100m', '256Mi', '500m', '512Mi'),
            livenessProbe: httpProbe('/', 13133),
            readinessProbe: httpProbe('/', 13133),
          },
        ],
      },
    },
  ],
};
