/**
 * The `cluster-secret-store` app: the ClusterSecretStore every ExternalSecret reads through. AWS
 * Secrets Manager in the environment's region, authenticated as the External Secrets Operator's
 * IRSA service account, usable from the platform namespaces and Argo CD's only. A separate app because it needs
 * the operator's CRDs, and the operator needs the baseline's namespaces. Also Argo CD's OIDC client secret.
 */
import { PLATFORM_NAMESPACES } from '../../environments/types.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { AWS_IDENTITIES, naming } from '../naming.js';
import { chartManifests, newChart, type Manifest } from './chart.js';
import { customResource, EXTERNAL_SECRETS_API } from './crds.js';
import { standardLabels } from './labels.js';
import { addSsoClientSecret } from './sso/client-secret.js';

export const SECRET_STORE_APP = 'cluster-secret-store';

export function secretStoreManifests(env: ResolvedEnvironment): Manifest[] {
  const chart = newChart(SECRET_STORE_APP, standardLabels(SECRET_STORE_APP, 'secret-store'));
  const identity = AWS_IDENTITIES['external-secrets'];
  customResource(chart, 'cluster-secret-store', {
    apiVersion: EXTERNAL_SECRETS_API,
    kind: 'ClusterSecretStore',
    metadata: { name: naming.clusterSecretStore },
    spec: {
      provider: {
        aws: {
          service: 'SecretsManager',
          region: env.aws.region,
          auth: { jwt: { serviceAccountRef: { name: identity.serviceAccount, namespace: identity.namespace } } },
        },
      },
      conditions: [{ namespaces: [...PLATFORM_NAMESPACES, naming.argocdNamespace] }],
    },
  });
  // Argo CD's OIDC client: here because the store must exist first, and Argo CD itself syncs before
  // External Secrets. Argo CD resolves `$argocd-oidc:client_secret` only in Secrets labelled part-of argocd.
  addSsoClientSecret(chart, env, 'argocd', naming.argocdNamespace, { 'app.kubernetes.io/part-of': 'argocd' });
  return chartManifests(chart);
}
