import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { grafanaAuthValues } from '../kubernetes/addons/grafana-auth.js';
import { naming } from '../naming.js';
import { argoCdSsoConfig, teamProjectRole } from './sso.js';

const model = loadRepositoryModel();

describe.each(model.environments.map((e) => [e.name, e] as const))('single sign-on of %s', (_, env) => {
  it('Argo CD: OIDC with the client from the External Secrets Secret, no local admin, nothing allowed by default', () => {
    const { cm, rbac } = argoCdSsoConfig(env);
    const oidc = parse(cm['oidc.config']!) as Record<string, unknown>;
    expect(oidc.issuer).toBe(env.access.sso.issuerUrl);
    expect(oidc.clientSecret).toBe(`$${naming.ssoKubernetesSecret.argocd}:client_secret`);
    expect(oidc.clientID).toBe(`$${naming.ssoKubernetesSecret.argocd}:client_id`);
    expect(cm['admin.enabled']).toBe('false');
    expect(rbac['policy.default']).toBe('');
    expect(rbac['policy.csv']!.trim().split('\n')).toEqual([
      `g, ${env.access.sso.platformGroup}, role:admin`,
      `g, ${env.access.sso.readOnlyGroup}, role:readonly`,
    ]);
  });

  it('a team role reaches only its own project', () => {
    const role = teamProjectRole(env, 'some-team') as { groups: string[]; policies: string[] };
    expect(role.groups).toEqual([`${env.access.sso.teamGroupPrefix}some-team`]);
    for (const policy of role.policies) expect(policy).toMatch(/^p, proj:some-team:team, applications, [^,]+, some-team\/\*, allow$/);
  });

  it('Grafana: anonymous off, OAuth client only from the Secret', () => {
    const values = grafanaAuthValues(env);
    expect(values['grafana.ini']['auth.anonymous']).toEqual({ enabled: false });
    const oauth = values['grafana.ini']['auth.generic_oauth']!;
    expect(oauth.enabled).toBe(true);
    expect(String(oauth.client_secret)).toMatch(/^\$__env\{[A-Z_]+\}$/);
    const variable = /\{([A-Z_]+)\}/.exec(String(oauth.client_secret))![1]!;
    expect(values.envValueFrom[variable]).toEqual({ secretKeyRef: { name: naming.ssoKubernetesSecret.grafana, key: 'client_secret' } });
  });
});
