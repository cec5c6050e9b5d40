/**
 * The part of Argo CD's values that admission needs (the rest is generators/argocd/values.ts):
 * the chart (argo-cd 8.0.17) renders every component with `resources: {}` and leaves the probes
 * of dex, redis, the ApplicationSet and notifications controllers off, which Kyverno in staging
 * and prod rejects (K8S-005, K8S-006). Its default securityContexts are already restricted.
 */
import { resources, type ResourceValues } from './release.js';

interface Probed {
  resources: ResourceValues;
  livenessProbe: { enabled: true };
  readinessProbe: { enabled: true };
}

export interface ArgoCdWorkloadValues {
  controller: { resources: ResourceValues };
  server: { resources: ResourceValues };
  /** Also the copyutil init container's resources. */
  repoServer: { resources: ResourceValues };
  /** Also the copyutil init container's (initImage.resources defaults to them). */
  dex: Probed;
  redis: Probed;
  redisSecretInit: { resources: ResourceValues };
  applicationSet: Probed;
  notifications: Probed;
}

const probed = (r: ResourceValues): Probed => ({ resources: r, livenessProbe: { enabled: true }, readinessProbe: { enabled: true } });

export function argoCdWorkloadValues(): ArgoCdWorkloadValues {
  return {
    controller: { resources: resources('250m', '512Mi', '2', '2Gi') },
    server: { resources: resources('50m', '128Mi', '500m', '256Mi') },
    repoServer: { resources: resources('100m', '256Mi', '1', '1Gi') },
    dex: probed(resources('10m', '32Mi', '100m', '128Mi')),
    redis: probed(resources('50m', '64Mi', '200m', '256Mi')),
    redisSecretInit: { resources: resources('10m', '32Mi', '100m', '64Mi') },
    applicationSet: probed(resources('50m', '64Mi', '500m', '256Mi')),
    notifications: probed(resources('50m', '64Mi', '200m', '128Mi')),
  };
}
