/**
 * Kyverno, the admission engine (its policies are their own app, owned by the policies work), alone
 * in platform-policy: Kyverno skips its own namespace, so sharing one would exempt its neighbours.
 * Large CRDs: server-side apply. Three admission replicas where the environment is zone-redundant.
 */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { addonRelease, controllerReplicas, resources, type ResourceValues } from './release.js';

interface Controller {
  replicas: number;
  resources: ResourceValues;
}

interface KyvernoValues {
  crds: { install: boolean };
  admissionController: { replicas: number; container: { resources: ResourceValues } };
  backgroundController: Controller;
  cleanupController: Controller;
  reportsController: Controller;
}

export function kyvernoRelease(env: ResolvedEnvironment): HelmRelease {
  const replicas = controllerReplicas(env);
  const controller = (): Controller => ({ replicas, resources: resources('100m', '128Mi', '500m', '256Mi') });
  return addonRelease<KyvernoValues>(env, 'kyverno', { namespace: naming.namespaces.policy, dependsOn: [BASELINE_APP], serverSideApply: true }, {
    crds: { install: true },
    admissionController: { replicas: replicas > 1 ? 3 : 1, container: { resources: resources('100m', '256Mi', '1', '512Mi') } },
    backgroundController: controller(),
    cleanupController: controller(),
    reportsController: controller(),
  });
}
