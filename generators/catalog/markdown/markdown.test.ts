import { describe, expect, it } from 'vitest';
import { bold, bulletList, cell, code, heading, link, mermaidBlock, page, relativePath, table, text } from './markdown.js';

describe('the catalog Markdown builder', () => {
  it('escapes text that would become emphasis, links, code or HTML', () => {
    expect(text('a_b *c* [d](e) `f` <g> & \\')).toBe('a\\_b \\*c\\* \\[d\\](e) \\`f\\` &lt;g&gt; &amp; \\\\');
  });

  it('writes code spans with a fence longer than any backtick run inside', () => {
    expect(code('x')).toBe('`x`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`a')).toBe('`` `a ``');
  });

  it('escapes pipes (also inside code spans) and line breaks in table cells', () => {
    expect(cell('`a|b`\nc')).toBe('`a\\|b`<br>c');
    expect(table(['A', 'B'], [[code('x|y'), 'line 1\nline 2'], ['', bold('z')]])).toBe(
      ['| A | B |', '| --- | --- |', '| `x\\|y` | line 1<br>line 2 |', '| — | **z** |'].join('\n'),
    );
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => table(['A', 'B'], [['only one']])).toThrow('table row has 1 cells, expected 2');
  });

  it('links pages relative to each other', () => {
    expect(relativePath('generated/catalog/README.md', 'generated/catalog/services/a.md')).toBe('services/a.md');
    expect(link('a', 'generated/catalog/environments/dev.md', 'generated/catalog/services/a.md')).toBe('[a](../services/a.md)');
    expect(link('back', 'generated/catalog/services/a.md', 'generated/catalog/README.md', 'services')).toBe('[back](../README.md#services)');
    expect(link('x', 'generated/catalog/README.md', 'generated/catalog/a (b).md')).toBe('[x](a%20%28b%29.md)');
  });

  it('builds headings, lists, Mermaid blocks and pages', () => {
    expect(heading(2, 'Two\nlines')).toBe('## Two lines');
    expect(bulletList(['a', 'b\nc'])).toBe('- a\n- b c');
    expect(mermaidBlock(['flowchart LR', '  a --> b'])).toBe('```mermaid\nflowchart LR\n  a --> b\n```');
    expect(page(['# T', '', 'body'])).toBe('# T\n\nbody\n');
  });
});
