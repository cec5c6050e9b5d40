/** metrics-server chart 3.12.2 (v0.7.2): templates/deployment.yaml; the chart's default securityContext is already restricted. */
import { HARDENED_CONTAINER, httpProbe, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

export const metricsServerRecord: ChartRecord = {
  chart: 'metrics-server',
  version: '3.12.2',
  releaseName: 'metrics-server',
  source: { repository: 'https://github.com/kubernetes-sigs/metrics-server', path: 'charts/metrics-server', ref: 'metrics-server-helm-chart-3.12.2' },
  assumedValues: {
    securityContext: undefined,
    podSecurityContext: undefined,
    'hostNetwork.enabled': undefined,
    'addonResizer.enabled': undefined,
    'image.tag': undefined,
    resources: requests('100m', '200Mi', '500m', '400Mi'),
  },
  workloads: [
    {
      kind: 'Deployment',
      name: 'metrics-server',
      template: 'templates/deployment.yaml',
      podSpec: {
        volumes: [{ name: 'tmp', emptyDir: {} }],
        containers: [
          {
            name: 'metrics-server',
            image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2',
            // values.yaml default securityContext.
            securityContext: { ...HARDENED_CONTAINER, runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
            resources: requests('100m', '200Mi', '500m', '400Mi'),
            livenessProbe: httpProbe('/livez', 'https'),
            readinessProbe: httpProbe('/readyz', 'https'),
          },
        ],
      },
    },
  ],
};
