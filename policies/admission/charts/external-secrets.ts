/**
 * External Secrets chart 0.17.0: templates/deployment.yaml, webhook-deployment.yaml and
 * cert-controller-deployment.yaml. Restricted securityContexts by default; the pod securityContext
 * is rendered only when it holds more than `enabled`, so none is. The controller has no probes at
 * all, the webhook and cert controller only a readiness probe, and no value adds one: K8S-006
 * exceptions.
 */
import { requests } from './hardened.js';
import type { ChartRecord, RecordedWorkload } from './record.js';

const SECURITY = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  runAsUser: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
};
const IMAGE = 'oci.external-secrets.io/external-secrets/external-secrets:v0.17.0';

const deployment = (name: string, container: string, template: string, resources: ReturnType<typeof requests>, readiness: boolean): RecordedWorkload => ({
  kind: 'Deployment',
  name,
  template,
  podSpec: {
    containers: [{ name: container, image: IMAGE, securityContext: SECURITY, resources, ...(readiness ? { readinessProbe: { httpGet: { path: '/readyz', port: 8081 } } } : {}) }],
  },
});

export const externalSecretsRecord: ChartRecord = {
  chart: 'external-secrets',
  version: '0.17.0',
  releaseName: 'external-secrets',
  source: { repository: 'https://github.com/external-secrets/external-secrets', path: 'deploy/charts/external-secrets', ref: 'helm-chart-0.17.0' },
  assumedValues: {
    securityContext: undefined,
    podSecurityContext: undefined,
    'webhook.securityContext': undefined,
    'certController.securityContext': undefined,
    'image.tag': undefined,
    hostNetwork: undefined,
    resources: requests('50m', '128Mi', '500m', '256Mi'),
    'webhook.resources': requests('50m', '64Mi', '200m', '128Mi'),
    'certController.resources': requests('50m', '64Mi', '200m', '128Mi'),
  },
  workloads: [
    deployment('external-secrets', 'external-secrets', 'templates/deployment.yaml', requests('50m', '128Mi', '500m', '256Mi'), false),
    deployment('external-secrets-webhook', 'webhook', 'templates/webhook-deployment.yaml', requests('50m', '64Mi', '200m', '128Mi'), true),
    deployment('external-secrets-cert-controller', 'cert-controller', 'templates/cert-controller-deployment.yaml', requests('50m', '64Mi', '200m', '128Mi'), true),
  ],
};
