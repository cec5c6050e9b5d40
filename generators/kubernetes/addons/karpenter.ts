/**
 * Karpenter controller: node provisioning and interruption handling (the SQS queue Terraform
 * creates). Installed early and without a ServiceMonitor, so capacity never waits on monitoring.
 */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES, naming } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { addonRelease, controllerReplicas, irsaServiceAccount, resources, type ResourceValues, type ServiceAccountValues } from './release.js';

interface KarpenterValues {
  settings: { clusterName: string; interruptionQueue: string };
  replicas: number;
  serviceAccount: ServiceAccountValues;
  podDisruptionBudget: { name: string; maxUnavailable: number };
  controller: { resources: ResourceValues };
}

export function karpenterRelease(env: ResolvedEnvironment): HelmRelease {
  return addonRelease<KarpenterValues>(env, 'karpenter', { namespace: AWS_IDENTITIES.karpenter.namespace, dependsOn: [BASELINE_APP] }, {
    settings: { clusterName: naming.clusterName(env.name), interruptionQueue: naming.karpenterInterruptionQueue(env.name) },
    replicas: controllerReplicas(env),
    serviceAccount: irsaServiceAccount(env, 'karpenter'),
    podDisruptionBudget: { name: 'karpenter', maxUnavailable: 1 },
    controller: { resources: resources('250m', '512Mi', '1', '1Gi') },
  });
}
