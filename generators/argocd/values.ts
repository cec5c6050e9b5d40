/**
 * Helm values of Argo CD itself (the argo-helm `argo-cd` chart). Argo CD manages itself through its
 * own Application, and the hand-run bootstrap install uses these same values, so the configuration
 * that makes sync waves gate is in place from the first sync.
 */
import { charts } from '../../environments/versions.js';
import type { AddonName } from '../../environments/types.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { argoCdSsoConfig } from './sso.js';

/**
 * Argo CD has no health check for `argoproj.io/Application` since v1.8, so every child of an
 * app-of-apps counts as Healthy at once and all waves fire together. This restores it: a child is
 * as healthy as it reports itself, and Progressing until it reports anything.
 */
export const APPLICATION_HEALTH_LUA = `hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil and obj.status.health ~= nil then
  hs.status = obj.status.health.status
  if obj.status.health.message ~= nil then
    hs.message = obj.status.health.message
  end
end
return hs
`;

/** Webhook CA bundles are injected in the cluster (cert-manager, the controllers themselves); Git never has them. */
const WEBHOOK_CA_BUNDLE_IGNORE = `jqPathExpressions:
- .webhooks[]?.clientConfig.caBundle
`;

/**
 * Helm repositories given as an OCI registry path (no scheme, e.g. public.ecr.aws/karpenter) must
 * be declared to Argo CD with `enableOCI`. Public registries: the repository secrets hold no credentials.
 */
export function ociRepositories(env: ResolvedEnvironment): Record<string, Record<string, string>> {
  const oci = (Object.keys(env.addons) as AddonName[]).map((name) => charts[name]).filter((chart) => !chart.repoURL.includes('://'));
  return Object.fromEntries(oci.map((chart) => [chart.chart, { name: chart.chart, type: 'helm', url: chart.repoURL, enableOCI: 'true' }]));
}

export function argoCdValues(env: ResolvedEnvironment): Record<string, unknown> {
  const sso = argoCdSsoConfig(env);
  return {
    // Object names match the upstream install manifests (argocd-server, argocd-repo-server, …).
    fullnameOverride: 'argocd',
    global: { domain: `argocd.${env.domain}` },
    crds: {
      install: true,
      keep: true,
      // Pruning the Application CRD would delete every Application.
      annotations: { 'argocd.argoproj.io/sync-options': 'Prune=false' },
    },
    configs: {
      cm: {
        'resource.customizations.health.argoproj.io_Application': APPLICATION_HEALTH_LUA,
        'resource.customizations.ignoreDifferences.admissionregistration.k8s.io_MutatingWebhookConfiguration': WEBHOOK_CA_BUNDLE_IGNORE,
        'resource.customizations.ignoreDifferences.admissionregistration.k8s.io_ValidatingWebhookConfiguration': WEBHOOK_CA_BUNDLE_IGNORE,
        'application.resourceTrackingMethod': 'annotation',
        ...sso.cm,
      },
      rbac: sso.rbac,
      repositories: ociRepositories(env),
    },
  };
}
