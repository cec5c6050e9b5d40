/** Safe Markdown building blocks: code spans and fences that cannot be broken by their content. */

/** Longest value shown inline; longer ones are cut with an ellipsis. */
export const MAX_INLINE_VALUE = 160;

function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
}

/** An inline code span, whatever backticks the text contains. */
export function code(text: string): string {
  const single = text.replace(/\r?\n/g, '⏎');
  const ticks = '`'.repeat(longestBacktickRun(single) + 1);
  const pad = single.startsWith('`') || single.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${single}${pad}${ticks}`;
}

/** A fenced block whose fence is longer than any backtick run inside, indented as a whole. */
export function fence(content: string, language: string, indent: string): string {
  const ticks = '`'.repeat(Math.max(3, longestBacktickRun(content) + 1));
  const lines = [`${ticks}${language}`, ...content.replace(/\n$/, '').split('\n'), ticks];
  return lines.map((line) => `${indent}${line}`).join('\n');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A value as compact JSON, cut to MAX_INLINE_VALUE, in a code span. */
export function value(v: unknown): string {
  return code(truncate(JSON.stringify(v) ?? 'undefined', MAX_INLINE_VALUE));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function formatDuration(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** `+1 ~2 −0`, or an em dash when nothing changes. */
export function counts(section: { added: number; changed: number; removed: number }): string {
  const { added, changed, removed } = section;
  return added + changed + removed === 0 ? '—' : `+${added} ~${changed} −${removed}`;
}
