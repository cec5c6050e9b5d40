/**
 * External Secrets chart 2.8.0: templates/deployment.yaml, webhook-deployment.yaml and
 * cert-controller-deployment.yaml. Restricted securityContexts by default; the pod securityContext
 * is rendered only when it holds more than `enabled`, so none is. Probes as our values enable them:
 * the controller's liveness and readiness probes on its health server (named port `live`, 8082),
 * the webhook's and cert controller's liveness probes (8081 /healthz) next to their default
 * readiness probes (named port `ready`, /readyz).
 */
import { requests } from './hardened.js';
import type { ChartRecord, RecordedContainer, RecordedWorkload } from './record.js';

const SECURITY = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  runAsUser: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
};
const IMAGE = 'ghcr.io/external-secrets/external-secrets:v2.8.0';
const CONTROLLER_RESOURCES = requests('50m', '128Mi', '500m', '256Mi');
const SIDE_RESOURCES = requests('50m', '64Mi', '200m', '128Mi');

type Probes = Pick<RecordedContainer, 'livenessProbe' | 'readinessProbe'>;
const CONTROLLER_PROBES: Probes = { livenessProbe: { httpGet: { path: '/healthz', port: 'live' } }, readinessProbe: { httpGet: { path: '/readyz', port: 'live' } } };
const HEALTH_SERVER_PROBES: Probes = { livenessProbe: { httpGet: { path: '/healthz', port: 8081 } }, readinessProbe: { httpGet: { path: '/readyz', port: 'ready' } } };

const deployment = (name: string, container: string, template: string, resources: ReturnType<typeof requests>, probes: Probes): RecordedWorkload => ({
  kind: 'Deployment',
  name,
  template,
  podSpec: { containers: [{ name: container, image: IMAGE, securityContext: SECURITY, resources, ...probes }] },
});

export const externalSecretsRecord: ChartRecord = {
  chart: 'external-secrets',
  version: '2.8.0',
  releaseName: 'external-secrets',
  source: { repository: 'https://github.com/external-secrets/external-secrets', path: 'deploy/charts/external-secrets', ref: 'helm-chart-2.8.0' },
  assumedValues: {
    securityContext: undefined,
    podSecurityContext: undefined,
    'webhook.securityContext': undefined,
    'certController.securityContext': undefined,
    'image.tag': undefined,
    'image.flavour': undefined,
    'global.repository': undefined,
    hostNetwork: undefined,
    resources: CONTROLLER_RESOURCES,
    'livenessProbe.enabled': true,
    'readinessProbe.enabled': true,
    'webhook.resources': SIDE_RESOURCES,
    'webhook.livenessProbe.enabled': true,
    'webhook.readinessProbe.enabled': undefined,
    'certController.resources': SIDE_RESOURCES,
    'certController.livenessProbe.enabled': true,
    'certController.readinessProbe.enabled': undefined,
  },
  workloads: [
    deployment('external-secrets', 'external-secrets', 'templates/deployment.yaml', CONTROLLER_RESOURCES, CONTROLLER_PROBES),
    deployment('external-secrets-webhook', 'webhook', 'templates/webhook-deployment.yaml', SIDE_RESOURCES, HEALTH_SERVER_PROBES),
    deployment('external-secrets-cert-controller', 'cert-controller', 'templates/cert-controller-deployment.yaml', SIDE_RESOURCES, HEALTH_SERVER_PROBES),
  ],
};
