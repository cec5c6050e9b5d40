import { describe, expect, it } from 'vitest';
import { tolerates } from './daemonset-tolerations.js';

const taint = { pool: 'p', key: 'pool', value: 'data', effect: 'NoSchedule' };

describe('tolerates (Kubernetes toleration matching)', () => {
  it.each([
    ['operator Exists without key tolerates everything', [{ operator: 'Exists' }], true],
    ['an empty key needs Exists', [{ operator: 'Equal' }], false],
    ['Exists on the key, any value', [{ key: 'pool', operator: 'Exists' }], true],
    ['Equal needs the same value', [{ key: 'pool', operator: 'Equal', value: 'apps' }], false],
    ['Equal is the default operator', [{ key: 'pool', value: 'data', effect: 'NoSchedule' }], true],
    ['another effect does not match', [{ key: 'pool', operator: 'Exists', effect: 'NoExecute' }], false],
    ['Exists for every NoSchedule taint', [{ operator: 'Exists', effect: 'NoSchedule' }], true],
    ['no tolerations', [], false],
  ])('%s', (_, tolerations, expected) => {
    expect(tolerates(tolerations, taint)).toBe(expected);
  });
});
