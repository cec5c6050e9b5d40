/** The promotion plan over a fixture model and fixture sources (four environments, not the repository's). */
import { describe, expect, it } from 'vitest';
import { chartVersions } from '../../../environments/versions.js';
import type { PlatformModel } from '../../../generators/model/types.js';
import { planPromotion, type PromotionRequest } from './plan.js';
import { previousEnvironment } from './promotion-order.js';

const ENVS = ['dev', 'qa', 'staging', 'prod'];
const tags: Record<string, Record<string, string>> = {
  alpha: { dev: '1.2.0', qa: '1.1.0', staging: '1.0.0', prod: '1.0.0' },
  beta: { dev: '2.0.0', qa: '2.0.0', staging: '2.0.0', prod: '2.0.0' },
};
const serviceText = (name: string) => `import { defineService } from '../define-service.js';
export const s = defineService({
  name: '${name}',
  environments: {
${ENVS.map((env) => `    ${env}: { imageTag: '${tags[name]![env]}' },`).join('\n')}
  },
});
`;
const KYVERNO_TRIAL = '9.9.9';
const envText = (env: string) => `export const ${env}: Environment = {
  name: '${env}',
  addons: { ...chartVersions${env === 'dev' || env === 'qa' ? `, kyverno: '${KYVERNO_TRIAL}'` : ''} },
};
`;
const addonsOf = (env: string) => ({ ...chartVersions, ...(env === 'dev' || env === 'qa' ? { kyverno: KYVERNO_TRIAL } : {}) });

const model = {
  environments: ENVS.map((env, index) => ({
    name: env,
    promotesFrom: index === 0 ? null : ENVS[index - 1],
    file: `environments/${env}.ts`,
    addons: addonsOf(env),
    services: Object.keys(tags).map((name) => ({ name, file: `services/${name}/service.ts`, imageTag: tags[name]![env] })),
  })),
} as unknown as PlatformModel;
const sources: Record<string, string> = {
  ...Object.fromEntries(Object.keys(tags).map((name) => [`services/${name}/service.ts`, serviceText(name)])),
  ...Object.fromEntries(ENVS.map((env) => [`environments/${env}.ts`, envText(env)])),
};
const plan = (request: Partial<PromotionRequest> & { to: string }) =>
  planPromotion(model, (file) => sources[file]!, { services: 'all', charts: false, force: false, ...request });

describe('the promotion order', () => {
  it('follows each environment\'s promotesFrom', () => {
    expect(previousEnvironment(model.environments, 'staging')?.name).toBe('qa');
    expect(previousEnvironment(model.environments, 'dev')).toBeUndefined();
    expect(previousEnvironment(model.environments, 'nowhere')).toBeUndefined();
  });
});

describe('pnpm promote: the plan', () => {
  it('copies the image tag from the previous environment, only where it differs, as one-line edits', () => {
    const result = plan({ to: 'staging' });
    expect(result.from).toBe('qa');
    expect(result.changes).toEqual([{ file: 'services/alpha/service.ts', field: 'environments.staging.imageTag', before: '1.0.0', after: '1.1.0' }]);
    expect([...result.files.keys()]).toEqual(['services/alpha/service.ts']);
    expect(result.files.get('services/alpha/service.ts')).toBe(sources['services/alpha/service.ts']!.replace("staging: { imageTag: '1.0.0' }", "staging: { imageTag: '1.1.0' }"));
  });

  it('promotes only the named services', () => {
    expect(plan({ to: 'qa', services: ['beta'] }).changes).toEqual([]);
    expect(plan({ to: 'qa', services: ['alpha'] }).changes.map((c) => c.after)).toEqual(['1.2.0']);
  });

  it('is empty when nothing differs', () => {
    expect(plan({ to: 'prod' }).changes).toEqual([]);
  });

  it('refuses to skip a stage without --force, and promotes with it', () => {
    expect(() => plan({ to: 'prod', from: 'qa' })).toThrow('--from qa --to prod skips staging; promote through staging first, or add --force');
    expect(() => plan({ to: 'prod', from: 'dev' })).toThrow('--from dev --to prod skips qa, staging;');
    expect(plan({ to: 'prod', from: 'dev', force: true }).changes.map((c) => `${c.file} ${c.after}`)).toEqual(['services/alpha/service.ts 1.2.0']);
  });

  it('refuses the first environment, a backwards --from and unknown names', () => {
    expect(() => plan({ to: 'dev' })).toThrow('--to: dev is the first environment of the promotion order (dev → qa → staging → prod); nothing comes before it');
    expect(() => plan({ to: 'qa', from: 'prod' })).toThrow('--from: prod does not come before qa');
    expect(() => plan({ to: 'uat' })).toThrow('--to: no environment "uat"; expected one of dev, qa, staging, prod');
    expect(() => plan({ to: 'qa', services: ['gamma'] })).toThrow('no service named "gamma"; expected one of alpha, beta');
  });

  it('with charts, adds the override the previous environment runs, and removes it when that one runs the default', () => {
    const up = plan({ to: 'staging', services: [], charts: true });
    expect(up.changes).toEqual([{ file: 'environments/staging.ts', field: 'addons.kyverno', before: chartVersions.kyverno, after: KYVERNO_TRIAL }]);
    expect(up.files.get('environments/staging.ts')).toBe(envText('staging').replace('{ ...chartVersions }', `{ ...chartVersions, kyverno: '${KYVERNO_TRIAL}' }`));
    // prod from staging: staging runs the default, prod already does: nothing.
    expect(plan({ to: 'prod', services: [], charts: true }).changes).toEqual([]);
  });
});
