/** cert-manager with its CRDs; Route 53 access (DNS-01) through IRSA. */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { addonRelease, controllerReplicas, irsaServiceAccount, resources, type ResourceValues, type ServiceAccountValues } from './release.js';

interface CertManagerValues {
  crds: { enabled: boolean; keep: boolean };
  replicaCount: number;
  serviceAccount: ServiceAccountValues;
  /** Leader election in its own namespace instead of kube-system. */
  global: { leaderElection: { namespace: string } };
  /** fsGroup lets the non-root controller read the projected IRSA token. */
  securityContext: { runAsNonRoot: boolean; fsGroup: number; seccompProfile: { type: 'RuntimeDefault' } };
  podDisruptionBudget: { enabled: boolean };
  resources: ResourceValues;
  webhook: { replicaCount: number; resources: ResourceValues };
  cainjector: { replicaCount: number; resources: ResourceValues };
  /** The post-install hook Job that waits for the API: the chart sets no resources for it. */
  startupapicheck: { resources: ResourceValues };
}

export function certManagerRelease(env: ResolvedEnvironment): HelmRelease {
  const namespace = AWS_IDENTITIES['cert-manager'].namespace;
  const replicas = controllerReplicas(env);
  return addonRelease<CertManagerValues>(env, 'cert-manager', { namespace, dependsOn: [BASELINE_APP] }, {
    crds: { enabled: true, keep: true },
    replicaCount: replicas,
    serviceAccount: irsaServiceAccount(env, 'cert-manager'),
    global: { leaderElection: { namespace } },
    securityContext: { runAsNonRoot: true, fsGroup: 1001, seccompProfile: { type: 'RuntimeDefault' } },
    podDisruptionBudget: { enabled: replicas > 1 },
    resources: resources('50m', '128Mi', '500m', '256Mi'),
    webhook: { replicaCount: replicas, resources: resources('50m', '64Mi', '200m', '128Mi') },
    cainjector: { replicaCount: replicas, resources: resources('50m', '128Mi', '500m', '256Mi') },
    startupapicheck: { resources: resources('10m', '32Mi', '100m', '64Mi') },
  });
}
