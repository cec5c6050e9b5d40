/** Tiny Markdown builders for the generated runbooks: deterministic text, no trailing spaces. */

export const heading = (level: number, text: string) => `${'#'.repeat(level)} ${text}`;

/** A fenced shell block. */
export const shell = (...lines: string[]) => ['```sh', ...lines, '```'].join('\n');

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.map(cell).join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** Sections separated by one blank line. */
export const blocks = (...parts: (string | false | undefined)[]) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
