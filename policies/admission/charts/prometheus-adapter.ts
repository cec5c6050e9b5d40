/** prometheus-adapter chart 4.14.1 (v0.12.0): templates/deployment.yaml; the default securityContext is already restricted. */
import { HARDENED_CONTAINER, httpProbe, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

export const prometheusAdapterRecord: ChartRecord = {
  chart: 'prometheus-adapter',
  version: '4.14.1',
  releaseName: 'prometheus-adapter',
  source: { repository: 'https://github.com/prometheus-community/helm-charts', path: 'charts/prometheus-adapter', ref: 'prometheus-adapter-4.14.1' },
  assumedValues: {
    securityContext: undefined,
    podSecurityContext: undefined,
    hostNetwork: undefined,
    'image.tag': undefined,
    resources: requests('100m', '128Mi', '500m', '256Mi'),
  },
  workloads: [
    {
      kind: 'Deployment',
      name: 'prometheus-adapter',
      template: 'templates/deployment.yaml',
      podSpec: {
        securityContext: { fsGroup: 10001 },
        volumes: [{ name: 'config', configMap: { name: 'prometheus-adapter' } }, { name: 'tmp', emptyDir: {} }, { name: 'volume-serving-cert', emptyDir: {} }],
        containers: [
          {
            name: 'prometheus-adapter',
            image: 'registry.k8s.io/prometheus-adapter/prometheus-adapter:v0.12.0',
            securityContext: { ...HARDENED_CONTAINER, runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
            resources: requests('100m', '128Mi', '500m', '256Mi'),
            livenessProbe: httpProbe('/healthz', 'https'),
            readinessProbe: httpProbe('/healthz', 'https'),
          },
        ],
      },
    },
  ],
};
