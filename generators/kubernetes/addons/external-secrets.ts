/**
 * External Secrets Operator with its CRDs (large: server-side apply). No ServiceMonitor: it is
 * installed before kube-prometheus-stack, which needs the Grafana secret it produces.
 */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { addonRelease, controllerReplicas, irsaServiceAccount, resources, type ResourceValues, type ServiceAccountValues } from './release.js';

interface ExternalSecretsValues {
  installCRDs: boolean;
  replicaCount: number;
  serviceAccount: ServiceAccountValues;
  podDisruptionBudget: { enabled: boolean };
  resources: ResourceValues;
  livenessProbe: { enabled: boolean };
  readinessProbe: { enabled: boolean };
  webhook: { replicaCount: number; resources: ResourceValues; livenessProbe: { enabled: boolean } };
  certController: { replicaCount: number; resources: ResourceValues; livenessProbe: { enabled: boolean } };
}

export function externalSecretsRelease(env: ResolvedEnvironment): HelmRelease {
  const replicas = controllerReplicas(env);
  return addonRelease<ExternalSecretsValues>(
    env,
    'external-secrets',
    { namespace: AWS_IDENTITIES['external-secrets'].namespace, dependsOn: [BASELINE_APP], serverSideApply: true },
    {
      installCRDs: true,
      replicaCount: replicas,
      serviceAccount: irsaServiceAccount(env, 'external-secrets'),
      podDisruptionBudget: { enabled: replicas > 1 },
      resources: resources('50m', '128Mi', '500m', '256Mi'),
      // The chart's probes are off by default (the webhook's and cert controller's readiness probes on).
      livenessProbe: { enabled: true },
      readinessProbe: { enabled: true },
      webhook: { replicaCount: replicas, resources: resources('50m', '64Mi', '200m', '128Mi'), livenessProbe: { enabled: true } },
      certController: { replicaCount: 1, resources: resources('50m', '64Mi', '200m', '128Mi'), livenessProbe: { enabled: true } },
    },
  );
}
