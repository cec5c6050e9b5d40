import { describe, expect, it } from 'vitest';
import { relativeLinks, tableProblems } from './markdown-structure.js';
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

  it('finds table rows whose cell count differs from the header (an unescaped pipe)', () => {
    expect(tableProblems(table(['A', 'B'], [[code('x|y'), 'z']]))).toEqual([]);
    expect(tableProblems('| A | B |\n| --- | --- |\n| x|y | z |\n')).toEqual(['table at line 1: row 3 has 3 cells, the header 2']);
  });
});
