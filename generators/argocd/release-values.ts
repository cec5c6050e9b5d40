/**
 * The two add-ons whose Helm values this area owns: Argo CD (the health check that makes waves
 * gate) and Atlantis (the server-side repo config that must agree with atlantis.yaml). The
 * Kubernetes generators list both releases; their values are completed here.
 */
import type { HelmRelease } from '../cluster-apps.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { atlantisValues } from '../atlantis/server-config.js';
import { argoCdValues } from './values.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep merge of plain objects; `owned` wins on conflicts, arrays are replaced. */
export function mergeValues(base: Record<string, unknown>, owned: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(owned)) {
    const current = merged[key];
    merged[key] = isObject(current) && isObject(value) ? mergeValues(current, value) : value;
  }
  return merged;
}

export function ownedValues(env: ResolvedEnvironment, release: HelmRelease): Record<string, unknown> | undefined {
  switch (release.name) {
    case 'argo-cd':
      return argoCdValues(env);
    case 'atlantis':
      return atlantisValues(env);
    default:
      return undefined;
  }
}

/** The release's values with this area's values merged in (over anything the release already sets). */
export function releaseValues(env: ResolvedEnvironment, release: HelmRelease): Record<string, unknown> {
  const owned = ownedValues(env, release);
  return owned ? mergeValues(release.values, owned) : release.values;
}
