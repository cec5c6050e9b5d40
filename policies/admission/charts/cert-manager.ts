/**
 * cert-manager chart v1.21.2: templates/deployment.yaml (controller), webhook-deployment.yaml,
 * cainjector-deployment.yaml and startupapicheck-job.yaml (post-install hook). Restricted
 * securityContexts by default. The controller has only a liveness probe and the cainjector none,
 * with no value to add them: K8S-006 exceptions. ACME HTTP-01 solver Pods are never created
 * (the issuers use DNS-01).
 *
 * Read at the tip of release-1.21 (378ef0e28, 2026-08-21): the stored snapshot of the repository has
 * no v1.21.2 tag yet, and deploy/charts/cert-manager is byte-identical between v1.21.1 and that
 * commit (the chart's version is stamped at release). Against v1.17.2 only the image helper changed
 * (imageRegistry quay.io + imageNamespace jetstack + name: the same references); securityContexts,
 * probes and hostNetwork are unchanged.
 */
import { requests } from './hardened.js';
import type { ChartRecord, RecordedWorkload } from './record.js';

const POD = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
const CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true };
const VERSION = 'v1.21.2';

const workload = (kind: RecordedWorkload['kind'], name: string, component: string, template: string, resources: ReturnType<typeof requests>, probes: Record<string, unknown>, pod: Record<string, unknown> = POD): RecordedWorkload => ({
  kind,
  name,
  template,
  podSpec: { securityContext: pod, containers: [{ name: `cert-manager-${component}`, image: `quay.io/jetstack/cert-manager-${component}:${VERSION}`, securityContext: CONTAINER, resources, ...probes }] },
});

export const certManagerRecord: ChartRecord = {
  chart: 'cert-manager',
  version: VERSION,
  releaseName: 'cert-manager',
  source: { repository: 'https://github.com/cert-manager/cert-manager', path: 'deploy/charts/cert-manager', ref: '378ef0e28 (release-1.21; chart identical to v1.21.1)' },
  assumedValues: {
    securityContext: { runAsNonRoot: true, fsGroup: 1001, seccompProfile: { type: 'RuntimeDefault' } },
    containerSecurityContext: undefined,
    'webhook.securityContext': undefined,
    'cainjector.securityContext': undefined,
    'startupapicheck.enabled': undefined,
    'livenessProbe.enabled': undefined,
    'webhook.hostNetwork': undefined,
    resources: requests('50m', '128Mi', '500m', '256Mi'),
    'webhook.resources': requests('50m', '64Mi', '200m', '128Mi'),
    'cainjector.resources': requests('50m', '128Mi', '500m', '256Mi'),
    'startupapicheck.resources': requests('10m', '32Mi', '100m', '64Mi'),
  },
  workloads: [
    workload('Deployment', 'cert-manager', 'controller', 'templates/deployment.yaml', requests('50m', '128Mi', '500m', '256Mi'), { livenessProbe: { httpGet: { path: '/livez', port: 'http-healthz' } } }, { ...POD, fsGroup: 1001 }),
    workload('Deployment', 'cert-manager-webhook', 'webhook', 'templates/webhook-deployment.yaml', requests('50m', '64Mi', '200m', '128Mi'), {
      livenessProbe: { httpGet: { path: '/livez', port: 6080 } },
      readinessProbe: { httpGet: { path: '/healthz', port: 6080 } },
    }),
    workload('Deployment', 'cert-manager-cainjector', 'cainjector', 'templates/cainjector-deployment.yaml', requests('50m', '128Mi', '500m', '256Mi'), {}),
    workload('Job', 'cert-manager-startupapicheck', 'startupapicheck', 'templates/startupapicheck-job.yaml (post-install hook: an Argo CD PostSync hook)', requests('10m', '32Mi', '100m', '64Mi'), {}),
  ],
};
