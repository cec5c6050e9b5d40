/** Every Helm release of an environment: the platform add-ons, plus Argo CD and Atlantis whose values other modules own. */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES, naming } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { SECRET_STORE_APP } from '../secret-store.js';
import { awsLoadBalancerControllerRelease } from './aws-load-balancer-controller.js';
import { certManagerRelease } from './cert-manager.js';
import { externalDnsRelease } from './external-dns.js';
import { externalSecretsRelease } from './external-secrets.js';
import { karpenterRelease } from './karpenter.js';
import { kubePrometheusStackRelease } from './kube-prometheus-stack.js';
import { kyvernoRelease } from './kyverno.js';
import { lokiRelease } from './loki.js';
import { metricsServerRelease } from './metrics-server.js';
import { openTelemetryCollectorRelease } from './opentelemetry-collector.js';
import { prometheusAdapterRelease } from './prometheus-adapter.js';
import { promtailRelease } from './promtail.js';
import { addonRelease } from './release.js';
import { tempoRelease } from './tempo.js';
import { veleroRelease } from './velero.js';

/** Argo CD manages itself from this release; nothing has to exist before it. */
function argoCdRelease(env: ResolvedEnvironment): HelmRelease {
  // Values come from generators/argocd/values.ts, merged in by the Argo CD generator (release-values.ts).
  return addonRelease(env, 'argo-cd', { namespace: naming.argocdNamespace, dependsOn: [], serverSideApply: true }, {});
}

/** Atlantis runs only in the environment that hosts the platform tooling. */
function atlantisRelease(env: ResolvedEnvironment): HelmRelease {
  // Values come from generators/atlantis/server-config.ts, merged in by the Argo CD generator (release-values.ts).
  // Its ALB Ingress stays Progressing until the load balancer controller gives it an address: the controller syncs first.
  return addonRelease(env, 'atlantis', { namespace: AWS_IDENTITIES.atlantis.namespace, dependsOn: [BASELINE_APP, SECRET_STORE_APP, 'aws-load-balancer-controller'] }, {});
}

export function addonReleases(env: ResolvedEnvironment): HelmRelease[] {
  return [
    argoCdRelease(env),
    ...(env.hostsPlatformTooling ? [atlantisRelease(env)] : []),
    awsLoadBalancerControllerRelease(env),
    certManagerRelease(env),
    externalDnsRelease(env),
    externalSecretsRelease(env),
    karpenterRelease(env),
    kubePrometheusStackRelease(env),
    kyvernoRelease(env),
    lokiRelease(env),
    metricsServerRelease(env),
    openTelemetryCollectorRelease(env),
    prometheusAdapterRelease(env),
    promtailRelease(env),
    tempoRelease(env),
    veleroRelease(env),
  ];
}
