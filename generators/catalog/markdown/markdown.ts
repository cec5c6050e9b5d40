/**
 * A small, pure Markdown builder for the catalog: escaped text, code spans, tables (`|` and line
 * breaks escaped in every cell), headings, links relative between pages and Mermaid blocks. Every
 * function returns a string; a page is its blocks joined by blank lines.
 */
import { posix } from 'node:path';

/** Plain text as Markdown: characters that would start emphasis, links, code or HTML are escaped. */
export function text(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]])/g, '\\$1');
}

/** A code span; a value containing backticks gets a longer fence, as CommonMark requires. */
export function code(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

export function bold(markdown: string): string {
  return `**${markdown}**`;
}

export function heading(level: 1 | 2 | 3 | 4, markdown: string): string {
  return `${'#'.repeat(level)} ${markdown.replace(/\s*\n\s*/g, ' ')}`;
}

/** A table cell: `|` escaped (also inside code spans, as GitHub requires) and line breaks as `<br>`. */
export function cell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|').replace(/\r\n?|\n/g, '<br>');
}

/** A GitHub table; an empty cell is shown as an em dash so columns stay readable. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => (c === '' ? '—' : cell(c))).join(' | ')} |`;
  for (const row of rows) {
    if (row.length !== headers.length) throw new Error(`table row has ${row.length} cells, expected ${headers.length}: ${row.join(', ')}`);
  }
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item.replace(/\r\n?|\n/g, ' ')}`).join('\n');
}

/** The path of `to` relative to the folder of `from` (both repository-relative POSIX paths). */
export function relativePath(from: string, to: string): string {
  return posix.relative(posix.dirname(from), to);
}

/** A link from the page at `from` to the page at `to`, relative, so it works on GitHub and in a clone. */
export function link(markdown: string, from: string, to: string, anchor?: string): string {
  const target = `${relativePath(from, to)}${anchor ? `#${anchor}` : ''}`;
  return `[${markdown}](${target.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/** A fenced Mermaid block (GitHub renders it as a diagram). */
export function mermaidBlock(lines: readonly string[]): string {
  return ['```mermaid', ...lines, '```'].join('\n');
}

/** A page: blocks separated by one blank line, one trailing newline. Empty blocks are dropped. */
export function page(blocks: readonly string[]): string {
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`;
}
