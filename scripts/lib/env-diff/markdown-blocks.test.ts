import { describe, expect, it } from 'vitest';
import { isBalanced } from './budget.js';
import { renderBlock } from './markdown-blocks.js';
import type { FieldChange, KubernetesItem } from './types.js';

const configMap = (fields: FieldChange[]): KubernetesItem => ({
  change: 'changed',
  app: 'api',
  apiVersion: 'v1',
  kind: 'ConfigMap',
  namespace: 'apps',
  name: 'settings',
  fields,
  risks: [{ severity: 'warning', rule: 'r', message: 'careful' }],
});

describe('a resource block', () => {
  it('renders multi-line text as a fenced diff, lists as added/removed items, long strings from where they differ', () => {
    const block = renderBlock({
      artifact: 'kubernetes',
      group: 'api',
      item: configMap([
        { path: 'data["app.conf"]', change: 'changed', before: 'a = 1\nb = ```x```\nc = 3\n', after: 'a = 1\nb = 2\nc = 3\n' },
        { path: 'data.hosts', change: 'changed', before: ['a', 'b'], after: ['b', 'c'] },
        { path: 'data.image', change: 'changed', before: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/platform/api:1.4.0', after: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/platform/api:1.5.0' },
        { path: 'data.token', change: 'added', sensitive: true },
      ]),
    });
    expect(block.heading).toBe('#### Kubernetes · app `api`');
    expect(block.text).toBe(
      [
        '- `ConfigMap apps/settings` **changed**',
        '  - ⚠️ careful',
        '  - `data["app.conf"]`:',
        '    ````diff',
        '    - b = ```x```',
        '    + b = 2',
        '    ````',
        '  - `data.hosts`: + `"c"`, − `"a"`',
        '  - `data.image`: `"…/api:1.4.0"` → `"…/api:1.5.0"`',
        '  - `data.token`: added (value hidden)',
      ].join('\n'),
    );
    expect(isBalanced(block.text)).toBe(true);
  });

  it('caps the fields it shows and says how many more there are', () => {
    const fields = Array.from({ length: 30 }, (_, i): FieldChange => ({ path: `data.k${i}`, change: 'added', after: i }));
    const text = renderBlock({ artifact: 'kubernetes', group: 'api', item: configMap(fields) }).text;
    expect(text.split('\n').filter((line) => line.startsWith('  - `data.'))).toHaveLength(25);
    expect(text.endsWith('  - … 5 more field change(s) (see `--format json`)')).toBe(true);
  });
});
