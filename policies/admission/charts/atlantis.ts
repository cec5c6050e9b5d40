/** Atlantis chart 5.17.2 (Atlantis v0.34.0): templates/statefulset.yaml; the `helm test` Pod is disabled (test.enabled false). */
import { httpProbe } from './hardened.js';
import type { ChartRecord } from './record.js';

const CONTAINER_SECURITY = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true };
const POD_SECURITY = { runAsNonRoot: true, runAsUser: 100, fsGroup: 1000, fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'RuntimeDefault' } };
const RESOURCES = { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '4Gi' } };

export const atlantisRecord: ChartRecord = {
  chart: 'atlantis',
  version: '5.17.2',
  releaseName: 'atlantis',
  source: { repository: 'https://github.com/runatlantis/helm-charts', path: 'charts/atlantis', ref: 'atlantis-5.17.2' },
  assumedValues: {
    'statefulSet.securityContext': POD_SECURITY,
    containerSecurityContext: CONTAINER_SECURITY,
    resources: RESOURCES,
    'test.enabled': false,
    'image.tag': undefined,
    initContainers: undefined,
    'initConfig.enabled': undefined,
    extraContainers: undefined,
  },
  workloads: [
    {
      kind: 'StatefulSet',
      name: 'atlantis',
      template: 'templates/statefulset.yaml',
      podSpec: {
        securityContext: POD_SECURITY,
        // readOnlyRootFilesystem adds atlantis-home-dir (/home/atlantis) and tmp-dir (/tmp).
        volumes: [
          { name: 'atlantis-data', persistentVolumeClaim: { claimName: 'atlantis-data' } },
          { name: 'atlantis-home-dir', emptyDir: {} },
          { name: 'tmp-dir', emptyDir: {} },
        ],
        containers: [
          {
            name: 'atlantis',
            // image.tag unset: the chart's appVersion.
            image: 'ghcr.io/runatlantis/atlantis:v0.34.0',
            securityContext: CONTAINER_SECURITY,
            resources: RESOURCES,
            livenessProbe: httpProbe('/healthz', 4141),
            readinessProbe: httpProbe('/healthz', 4141),
          },
        ],
      },
    },
  ],
};
