/** AWS Load Balancer Controller chart 1.13.2 (controller v2.13.2): templates/deployment.yaml, the only workload. */
import { HARDENED_CONTAINER, httpProbe, requests } from './hardened.js';
import type { ChartRecord } from './record.js';

export const awsLoadBalancerControllerRecord: ChartRecord = {
  chart: 'aws-load-balancer-controller',
  version: '1.13.2',
  releaseName: 'aws-load-balancer-controller',
  // The eks-charts repository has no per-chart tags: commit a4b8061 "aws-load-balancer-controller: v2.13.2 (#1218)".
  source: { repository: 'https://github.com/aws/eks-charts', path: 'stable/aws-load-balancer-controller', ref: 'a4b8061' },
  assumedValues: {
    securityContext: HARDENED_CONTAINER,
    podSecurityContext: { fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
    resources: requests('100m', '128Mi', '500m', '256Mi'),
    hostNetwork: undefined,
  },
  workloads: [
    {
      kind: 'Deployment',
      name: 'aws-load-balancer-controller',
      template: 'templates/deployment.yaml',
      podSpec: {
        securityContext: { fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
        volumes: [{ name: 'cert', secret: { secretName: 'aws-load-balancer-tls' } }],
        containers: [
          {
            name: 'aws-load-balancer-controller',
            image: 'public.ecr.aws/eks/aws-load-balancer-controller:v2.13.2',
            // Chart default (readOnlyRootFilesystem, runAsNonRoot, allowPrivilegeEscalation: false) merged with ours (capabilities drop ALL).
            securityContext: { ...HARDENED_CONTAINER, runAsNonRoot: true },
            resources: requests('100m', '128Mi', '500m', '256Mi'),
            livenessProbe: httpProbe('/healthz', 61779),
            readinessProbe: httpProbe('/readyz', 61779),
          },
        ],
      },
    },
  ],
};
