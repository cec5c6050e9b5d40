import { describe, expect, it } from 'vitest';
import { ADDON_NAMES } from '../../environments/types.js';
import { clusterApps } from '../kubernetes/apps.js';
import { environmentWith, minimalService } from '../kubernetes/test-fixtures.js';
import { AWS_IDENTITIES, naming } from '../naming.js';
import { reservedServiceNames, reservedTeamNames } from './reserved-names.js';

describe('reserved names', () => {
  it('cover every Argo CD application the platform generates besides the services', () => {
    const apps = clusterApps(environmentWith([minimalService]));
    const platformApps = [...apps.manifests.map((a) => a.name), ...apps.releases.map((r) => r.name)].filter((name) => name !== minimalService.name);
    const reserved = reservedServiceNames();
    expect(platformApps.filter((name) => !reserved.has(name))).toEqual([]);
    expect(reserved.has(naming.argocdRootApp)).toBe(true);
  });

  it('cover every add-on and every IRSA identity', () => {
    const reserved = reservedServiceNames();
    expect([...ADDON_NAMES, ...Object.keys(AWS_IDENTITIES)].filter((name) => !reserved.has(name))).toEqual([]);
  });

  it('keep the root project away from teams, but not the platform project services may share', () => {
    expect(reservedTeamNames().has(naming.argocdRootProject)).toBe(true);
    expect(reservedTeamNames().has(naming.argocdPlatformProject)).toBe(false);
  });
});
