/** Velero 10.0.4: templates/deployment.yaml and the CRD upgrade hook, templates/upgrade-crds/upgrade-crds.yaml. */
import { HARDENED_CONTAINER, httpProbe, nonRootPod, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

const POD_SECURITY = nonRootPod(65532, { runAsGroup: 65532, fsGroup: 65532 });
const PLUGIN_RESOURCES = requests('10m', '32Mi', '100m', '64Mi');

export const veleroRecord: ChartRecord = {
  chart: 'velero',
  version: '10.0.4',
  releaseName: 'velero',
  source: { repository: 'https://github.com/vmware-tanzu/helm-charts', path: 'charts/velero', ref: 'velero-10.0.4' },
  assumedValues: {
    podSecurityContext: { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } },
    containerSecurityContext: HARDENED_CONTAINER,
    'initContainers.0.image': 'velero/velero-plugin-for-aws:v1.12.0',
    'initContainers.0.securityContext': HARDENED_CONTAINER,
    'initContainers.0.resources': PLUGIN_RESOURCES,
    resources: requests('100m', '256Mi', '1', '512Mi'),
    'metrics.enabled': true,
    deployNodeAgent: false,
    'kubectl.containerSecurityContext': HARDENED_CONTAINER,
    'kubectl.resources': PLUGIN_RESOURCES,
    upgradeJobResources: requests('50m', '64Mi', '200m', '256Mi'),
  },
  workloads: [
    {
      kind: 'Deployment',
      name: 'velero',
      template: 'templates/deployment.yaml',
      podSpec: {
        securityContext: POD_SECURITY,
        // plugins and scratch always; tmpdir because readOnlyRootFilesystem is set.
        volumes: [
          { name: 'plugins', emptyDir: {} },
          { name: 'scratch', emptyDir: {} },
          { name: 'tmpdir', emptyDir: {} },
        ],
        initContainers: [{ name: 'velero-plugin-for-aws', image: 'velero/velero-plugin-for-aws:v1.12.0', securityContext: HARDENED_CONTAINER, resources: PLUGIN_RESOURCES }],
        containers: [
          {
            name: 'velero',
            image: 'velero/velero:v1.16.0',
            securityContext: HARDENED_CONTAINER,
            resources: requests('100m', '256Mi', '1', '512Mi'),
            // Rendered only with metrics.enabled (values.yaml defaults: GET /metrics on http-monitoring).
            livenessProbe: httpProbe('/metrics', 'http-monitoring'),
            readinessProbe: httpProbe('/metrics', 'http-monitoring'),
          },
        ],
      },
    },
    {
      kind: 'Job',
      name: 'velero-upgrade-crds',
      template: 'templates/upgrade-crds/upgrade-crds.yaml (pre-install/pre-upgrade hook: an Argo CD PreSync hook)',
      podSpec: {
        securityContext: POD_SECURITY,
        volumes: [{ name: 'crds', emptyDir: {} }],
        // kubectl.image.tag unset: the tag is the cluster's <major>.<minor> (chart.KubernetesVersion): the
        // environment's eks.version, 1.31 in every environment when recorded; any such tag is pinned (K8S-007).
        initContainers: [{ name: 'kubectl', image: 'docker.io/bitnami/kubectl:1.31', securityContext: HARDENED_CONTAINER, resources: PLUGIN_RESOURCES }],
        containers: [{ name: 'velero', image: 'velero/velero:v1.16.0', securityContext: HARDENED_CONTAINER, resources: requests('50m', '64Mi', '200m', '256Mi') }],
      },
    },
  ],
};
