/**
 * The ExternalSecret that brings an OIDC client (Secrets Manager JSON with client_id and
 * client_secret, set out of band, never in Git) into the namespace of the tool that logs people in.
 * Refreshed hourly like every service secret, so a rotated client secret arrives without a sync.
 */
import type { Construct } from 'constructs';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { customResource } from '../crds.js';
import { externalSecret } from '../service/secrets.js';

export const SSO_CLIENT_KEYS = { id: 'client_id', secret: 'client_secret' } as const;

export function addSsoClientSecret(scope: Construct, env: ResolvedEnvironment, tool: 'argocd' | 'grafana', namespace: string, labels: Record<string, string> = {}): void {
  const name = naming.ssoKubernetesSecret[tool];
  customResource(
    scope,
    `sso-client-${tool}`,
    externalSecret(name, namespace, {
      data: [SSO_CLIENT_KEYS.id, SSO_CLIENT_KEYS.secret].map((key) => ({ secretKey: key, remoteRef: { key: naming.ssoClientSecret(env.name, tool), property: key } })),
      target: { name, ...(Object.keys(labels).length > 0 ? { template: { metadata: { labels } } } : {}) },
    }),
  );
}
