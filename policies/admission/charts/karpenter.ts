/**
 * Karpenter chart 1.5.0 (OCI, public.ecr.aws/karpenter): templates/deployment.yaml. The container's
 * hard-coded securityContext is restricted (non-root 65532), which wins over the Pod's
 * `runAsNonRoot: false` default.
 */
import { HARDENED_CONTAINER, httpProbe, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

export const karpenterRecord: ChartRecord = {
  chart: 'karpenter',
  version: '1.5.0',
  releaseName: 'karpenter',
  // The v1.5.0 tag still carries chart 1.4.0; the released chart is commit 284255422 "Stable Release updates Release v1.5.0".
  source: { repository: 'https://github.com/aws/karpenter-provider-aws', path: 'charts/karpenter', ref: '284255422' },
  assumedValues: {
    podSecurityContext: undefined,
    hostNetwork: undefined,
    initContainers: undefined,
    'controller.sidecarContainer': undefined,
    'controller.image': undefined,
    'controller.resources': requests('250m', '512Mi', '1', '1Gi'),
  },
  workloads: [
    {
      kind: 'Deployment',
      name: 'karpenter',
      template: 'templates/deployment.yaml',
      podSpec: {
        securityContext: { runAsNonRoot: false, fsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'controller',
            image: 'public.ecr.aws/karpenter/controller:1.5.0@sha256:339aef3f5ecdf6f94d1c7cc9d0e1d359c281b4f9b842877bdbf2acd3fa360521',
            securityContext: { ...HARDENED_CONTAINER, privileged: false, runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532 },
            resources: requests('250m', '512Mi', '1', '1Gi'),
            livenessProbe: httpProbe('/healthz', 'http'),
            readinessProbe: httpProbe('/readyz', 'http'),
          },
        ],
      },
    },
  ],
};
