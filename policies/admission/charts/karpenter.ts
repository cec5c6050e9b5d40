/**
 * Karpenter chart 1.14.1 (OCI, public.ecr.aws/karpenter): templates/deployment.yaml. The container's
 * hard-coded securityContext is restricted (non-root 65532); the Pod's default podSecurityContext
 * (fsGroup 65532, RuntimeDefault seccomp) no longer sets `runAsNonRoot: false` as 1.5.0 did.
 */
import { HARDENED_CONTAINER, httpProbe, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

export const karpenterRecord: ChartRecord = {
  chart: 'karpenter',
  version: '1.14.1',
  releaseName: 'karpenter',
  // The v1.14.1 tag still carries chart 1.13.0; the released chart is commit c88abbbad "Stable Release updates Release v1.14.1".
  source: { repository: 'https://github.com/aws/karpenter-provider-aws', path: 'charts/karpenter', ref: 'c88abbbad' },
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
        securityContext: { fsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'controller',
            image: 'public.ecr.aws/karpenter/controller:1.14.1@sha256:445baefaaa689029cc12ac1f659b916b0b82fb14308ce536f8521fcf079116fa',
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
