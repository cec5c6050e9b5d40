/**
 * Argo CD's single sign-on and RBAC, from the environment's `access.sso`: OIDC straight to the
 * identity provider (no Dex), the client id and secret read from the `argocd-oidc` Secret that
 * External Secrets writes (never in Git), no local admin, nobody allowed anything by default.
 * The platform group is admin, the read-only group role:readonly; each team gets a project role on
 * its own AppProject (projects.ts), bound to the team's group.
 */
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { SSO_CLIENT_KEYS } from '../kubernetes/sso/client-secret.js';

const secretRef = (key: string) => `$${naming.ssoKubernetesSecret.argocd}:${key}`;

export function argoCdSsoConfig(env: ResolvedEnvironment): { cm: Record<string, string>; rbac: Record<string, string> } {
  const { sso } = env.access;
  return {
    cm: {
      'admin.enabled': 'false',
      'oidc.config': [
        'name: SSO',
        `issuer: ${sso.issuerUrl}`,
        `clientID: ${secretRef(SSO_CLIENT_KEYS.id)}`,
        `clientSecret: ${secretRef(SSO_CLIENT_KEYS.secret)}`,
        'requestedScopes: ["openid", "profile", "email", "groups"]',
        '',
      ].join('\n'),
    },
    rbac: {
      'policy.default': '',
      scopes: '[groups]',
      'policy.csv': [`g, ${sso.platformGroup}, role:admin`, `g, ${sso.readOnlyGroup}, role:readonly`, ''].join('\n'),
    },
  };
}

/** The project role of a team: see, sync and roll back its own Applications, nothing else. */
export function teamProjectRole(env: ResolvedEnvironment, project: string): Record<string, unknown> {
  const role = 'team';
  const subject = `proj:${project}:${role}`;
  return {
    name: role,
    description: `Team ${project}: its own Applications in ${env.name}`,
    groups: [`${env.access.sso.teamGroupPrefix}${project}`],
    policies: ['get', 'sync', 'action/*'].map((action) => `p, ${subject}, applications, ${action}, ${project}/*, allow`),
  };
}
