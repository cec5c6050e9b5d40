import { describe, expect, it } from 'vitest';
import { groupChanges, normalizeEnvironment } from './cross-environment.js';
import type { EnvDiff, EnvironmentDiff, TerraformItem } from './types.js';

const item = (address: string, after: string): TerraformItem => ({ change: 'changed', stack: 'network', address, fields: [{ path: 'tags.Name', change: 'changed', before: 'x', after }], risks: [] });
const env = (...items: TerraformItem[]): EnvironmentDiff => ({
  terraform: { added: 0, changed: items.length, removed: 0, items },
  kubernetes: { added: 0, changed: 0, removed: 0, items: [] },
  argocd: { added: 0, changed: 0, removed: 0, items: [] },
  atlantisProjects: [],
});
const diff = (environments: Record<string, EnvironmentDiff>) => ({ environments, risks: [] }) as unknown as EnvDiff;

describe('cross-environment grouping', () => {
  it('replaces the environment name only where it stands as a word', () => {
    expect(normalizeEnvironment({ name: 'platform-dev-logs', device: 'dev1', 'dev.key': 'dev' }, 'dev')).toEqual({ name: 'platform-{env}-logs', device: 'dev1', '{env}.key': '{env}' });
  });

  it('shows a change identical in several environments once, widest group first, then each environment’s own', () => {
    const groups = groupChanges(
      diff({
        dev: env(item('aws_vpc.vpc', 'platform-dev'), item('aws_eip.a', 'one')),
        staging: env(item('aws_vpc.vpc', 'platform-staging'), item('aws_eip.a', 'two')),
        prod: env(item('aws_vpc.vpc', 'platform-prod'), item('aws_eip.a', 'two')),
      }),
    );
    expect(groups.map((g) => [g.environments, g.changes.map((c) => (c.item as TerraformItem).fields[0]!.after)])).toEqual([
      [['dev', 'staging', 'prod'], ['platform-{env}']],
      [['staging', 'prod'], ['two']],
      [['dev'], ['one']],
    ]);
  });

  it('keeps two identical changes of one environment apart', () => {
    const groups = groupChanges(diff({ dev: env(item('aws_eip.dev', 'x'), item('aws_eip.{env}', 'x')) }));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.changes).toHaveLength(2);
  });
});
