/**
 * Kyverno chart 3.9.0 (Kyverno v1.19.0): templates/{admission,background,cleanup,reports}-controller/
 * deployment.yaml and the post-upgrade hook (Argo CD runs it as a PostSync hook):
 * hooks/post-upgrade-migrate-resources.yaml (the chart no longer has a clean-reports hook). Every
 * container is restricted by the chart's defaults (non-root, no privilege escalation, drop ALL,
 * read-only root, RuntimeDefault seccomp); the Pods' podSecurityContext is empty.
 *
 * Not recorded, because Argo CD never runs them: the pre-delete and post-delete hooks
 * (hooks/pre-delete-scale-to-zero.yaml, hooks/pre-delete-remove-webhooks.yaml; Argo CD ignores
 * Helm delete hooks) and the Helm test Pods (templates/tests/, `helm test` only).
 *
 * The controllers' init containers wait for reports-server, which is off (reportsServer.enabled).
 * The background and reports controllers render no probes and have no value to add them (K8S-006);
 * no exception is needed: everything here runs in platform-policy, which Kyverno never polices
 * (excludeKyvernoNamespace), so ADM-002 finds nothing to judge and this record guards the version
 * and the values it assumed.
 */
import { requests } from './hardened.js';
import type { ChartRecord, RecordedContainer, RecordedWorkload } from './record.js';

const APP_VERSION = 'v1.19.0';
const RESTRICTED = {
  runAsNonRoot: true,
  privileged: false,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};
const HOOK_USER = { runAsUser: 65534, runAsGroup: 65534, ...RESTRICTED };
const CONTROLLER_RESOURCES = requests('100m', '128Mi', '500m', '256Mi');
const HOOK_RESOURCES = requests('10m', '64Mi', '100m', '256Mi');
const https = (path: string) => ({ httpGet: { path, port: 9443, scheme: 'HTTPS' } });

const controller = (name: string, image: string, probes: Partial<RecordedContainer> = {}): RecordedWorkload => ({
  kind: 'Deployment',
  name: `kyverno-${name}`,
  template: `templates/${name}/deployment.yaml`,
  podSpec: { containers: [{ name: 'controller', image: `reg.kyverno.io/kyverno/${image}:${APP_VERSION}`, securityContext: RESTRICTED, resources: CONTROLLER_RESOURCES, ...probes }] },
});

const hook = (name: string, template: string, container: string, image: string): RecordedWorkload => ({
  kind: 'Job',
  name: `kyverno-${name}`,
  template: `${template} (post-upgrade hook: an Argo CD PostSync hook)`,
  podSpec: { containers: [{ name: container, image, securityContext: HOOK_USER, resources: HOOK_RESOURCES }] },
});

export const kyvernoRecord: ChartRecord = {
  chart: 'kyverno',
  version: '3.9.0',
  releaseName: 'kyverno',
  source: { repository: 'https://github.com/kyverno/kyverno', path: 'charts/kyverno', ref: 'kyverno-chart-3.9.0' },
  assumedValues: {
    fullnameOverride: undefined,
    'global.image': undefined,
    'templating.enabled': undefined,
    'admissionController.container.resources': requests('100m', '256Mi', '1', '512Mi'),
    'admissionController.container.securityContext': undefined,
    'admissionController.initContainer': undefined,
    'admissionController.podSecurityContext': undefined,
    'admissionController.hostNetwork': undefined,
    'backgroundController.resources': CONTROLLER_RESOURCES,
    'backgroundController.enabled': undefined,
    'backgroundController.securityContext': undefined,
    'cleanupController.resources': CONTROLLER_RESOURCES,
    'cleanupController.enabled': undefined,
    'cleanupController.securityContext': undefined,
    'reportsController.resources': CONTROLLER_RESOURCES,
    'reportsController.enabled': undefined,
    'reportsController.securityContext': undefined,
    'crds.migration': undefined,
    'reportsServer.enabled': undefined,
  },
  workloads: [
    {
      kind: 'Deployment',
      name: 'kyverno-admission-controller',
      template: 'templates/admission-controller/deployment.yaml',
      podSpec: {
        initContainers: [{ name: 'kyverno-pre', image: `reg.kyverno.io/kyverno/kyvernopre:${APP_VERSION}`, securityContext: RESTRICTED, resources: HOOK_RESOURCES }],
        containers: [
          {
            name: 'kyverno',
            image: `reg.kyverno.io/kyverno/kyverno:${APP_VERSION}`,
            securityContext: RESTRICTED,
            resources: requests('100m', '256Mi', '1', '512Mi'),
            livenessProbe: https('/health/liveness'),
            readinessProbe: https('/health/readiness'),
          },
        ],
      },
    },
    controller('background-controller', 'background-controller'),
    controller('cleanup-controller', 'cleanup-controller', { livenessProbe: https('/health/liveness'), readinessProbe: https('/health/readiness') }),
    controller('reports-controller', 'reports-controller'),
    hook('migrate-resources', 'templates/hooks/post-upgrade-migrate-resources.yaml', 'kyverno-cli', `reg.kyverno.io/kyverno/kyverno-cli:${APP_VERSION}`),
  ],
};
