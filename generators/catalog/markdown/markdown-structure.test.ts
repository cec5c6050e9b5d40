import { describe, expect, it } from 'vitest';
import { headingAnchor, headingAnchors, relativeLinks, tableProblems } from './markdown-structure.js';
import { table, code } from './markdown.js';

describe('reading generated Markdown', () => {
  it('resolves relative links against the page, ignoring code, URLs and escaped brackets', () => {
    const md = ['[a](services/a.md) [b](../b.md#x) [web](https://example.com) [top](#top)', '`[not](x.md)` \\[no](y.md)', '```', '[nor](z.md)', '```', '[sp](a%20b.md)'].join('\n');
    expect(relativeLinks('generated/catalog/README.md', md).map((l) => l.resolved)).toEqual([
      'generated/catalog/services/a.md',
      'generated/b.md',
      null,
      null,
      'generated/catalog/a b.md',
    ]);
  });

  it('computes GitHub heading anchors', () => {
    expect(headingAnchor('Add-on versions')).toBe('add-on-versions');
    expect(headingAnchor('Services × environments')).toBe('services--environments');
    expect(headingAnchor('Service `api`: what it is?')).toBe('service-api-what-it-is');
    expect([...headingAnchors('# A b\n\n```\n# not\n```\n## C\\_d\n')]).toEqual(['a-b', 'c_d']);
    expect(relativeLinks('x/a.md', '[t](b.md#add-on-versions)')[0]!.anchor).toBe('add-on-versions');
  });

  it('finds table rows whose cell count differs from the header (an unescaped pipe)', () => {
    expect(tableProblems(table(['A', 'B'], [[code('x|y'), 'z']]))).toEqual([]);
    expect(tableProblems('| A | B |\n| --- | --- |\n| x|y | z |\n')).toEqual(['table at line 1: row 3 has 3 cells, the header 2']);
  });
});
