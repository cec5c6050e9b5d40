/** external-dns chart 1.16.1 (v0.16.1): templates/deployment.yaml; defaults already restricted; no webhook sidecar with provider aws. */
import { HARDENED_CONTAINER, httpProbe, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

export const externalDnsRecord: ChartRecord = {
  chart: 'external-dns',
  version: '1.16.1',
  releaseName: 'external-dns',
  source: { repository: 'https://github.com/kubernetes-sigs/external-dns', path: 'charts/external-dns', ref: 'external-dns-helm-chart-1.16.1' },
  assumedValues: {
    securityContext: undefined,
    podSecurityContext: undefined,
    'provider.name': 'aws',
    initContainers: undefined,
    'image.tag': undefined,
    resources: requests('50m', '64Mi', '200m', '128Mi'),
  },
  workloads: [
    {
      kind: 'Deployment',
      name: 'external-dns',
      template: 'templates/deployment.yaml',
      podSpec: {
        securityContext: { runAsNonRoot: true, fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'external-dns',
            image: 'registry.k8s.io/external-dns/external-dns:v0.16.1',
            securityContext: { ...HARDENED_CONTAINER, privileged: false, runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532 },
            resources: requests('50m', '64Mi', '200m', '128Mi'),
            livenessProbe: httpProbe('/healthz', 'http'),
            readinessProbe: httpProbe('/healthz', 'http'),
          },
        ],
      },
    },
  ],
};
