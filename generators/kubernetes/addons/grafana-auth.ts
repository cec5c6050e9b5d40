/**
 * Grafana's authentication, from the environment's `access.sso`: OIDC (generic OAuth) with the
 * client id and secret as environment variables from the `grafana-oidc` Secret (External Secrets,
 * monitoring app), anonymous access off, sign-up only through SSO, roles from the `groups` claim
 * (platform group Admin, everyone else signed in Viewer). The local admin (password from the
 * `grafana-admin` Secret) stays for break-glass.
 */
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { SSO_CLIENT_KEYS } from '../sso/client-secret.js';

export interface GrafanaAuthValues {
  'grafana.ini': Record<string, Record<string, string | boolean>>;
  envValueFrom: Record<string, { secretKeyRef: { name: string; key: string } }>;
}

const fromSecret = (key: string) => ({ secretKeyRef: { name: naming.ssoKubernetesSecret.grafana, key } });

export function grafanaAuthValues(env: ResolvedEnvironment): GrafanaAuthValues {
  const { sso } = env.access;
  const issuer = sso.issuerUrl.replace(/\/$/, '');
  return {
    'grafana.ini': {
      'auth.anonymous': { enabled: false },
      auth: { disable_login_form: false, oauth_auto_login: false },
      users: { allow_sign_up: false },
      'auth.generic_oauth': {
        enabled: true,
        name: 'SSO',
        client_id: '$__env{GF_SSO_CLIENT_ID}',
        client_secret: '$__env{GF_SSO_CLIENT_SECRET}',
        scopes: 'openid profile email groups',
        auth_url: `${issuer}/v1/authorize`,
        token_url: `${issuer}/v1/token`,
        api_url: `${issuer}/v1/userinfo`,
        use_pkce: true,
        allow_sign_up: true,
        groups_attribute_path: 'groups',
        role_attribute_path: `contains(groups[*], '${sso.platformGroup}') && 'Admin' || 'Viewer'`,
        role_attribute_strict: false,
      },
    },
    envValueFrom: { GF_SSO_CLIENT_ID: fromSecret(SSO_CLIENT_KEYS.id), GF_SSO_CLIENT_SECRET: fromSecret(SSO_CLIENT_KEYS.secret) },
  };
}
