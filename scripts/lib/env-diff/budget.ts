/**
 * The comment's size budget. GitHub rejects comments over 65,536 characters; sizes here are UTF-8
 * bytes (never fewer than characters, so multi-byte text stays safe). Blocks are whole resources:
 * sections take blocks in priority order until the next one does not fit, and each section then
 * says how many it left out. A block's cost is exactly what it adds to the rendered section.
 */
import type { Block } from './markdown-blocks.js';
import { byteLength } from './markdown-text.js';

export const GITHUB_COMMENT_LIMIT = 65_536;

/** What block `index` adds to its section: its group heading when the group changes, then its text. */
function piece(blocks: readonly Block[], index: number): string {
  const block = blocks[index]!;
  const newGroup = index === 0 || blocks[index - 1]!.heading !== block.heading;
  return `${newGroup ? `\n${block.heading}\n\n` : ''}${block.text}\n`;
}

/** The text a section's first `count` blocks render to. */
export function sectionBody(blocks: readonly Block[], count: number): string {
  return blocks.slice(0, count).map((_, index) => piece(blocks, index)).join('');
}

/**
 * How many blocks of each section fit in `available` bytes, filling sections in `priority` order
 * (each section stops at its first block that does not fit).
 */
export function fitSections(sections: ReadonlyMap<string, readonly Block[]>, priority: readonly string[], available: number): Map<string, number> {
  const shown = new Map<string, number>();
  let left = available;
  for (const key of priority) {
    const blocks = sections.get(key) ?? [];
    let count = 0;
    while (count < blocks.length) {
      const cost = byteLength(piece(blocks, count));
      if (cost > left) break;
      left -= cost;
      count++;
    }
    shown.set(key, count);
  }
  return shown;
}

/** Fenced code blocks and `<details>` are balanced: every fence closed by one as long, every details closed. */
export function isBalanced(markdown: string): boolean {
  let open: string | undefined;
  let details = 0;
  for (const line of markdown.split('\n')) {
    const fenceMatch = /^\s*(`{3,})/.exec(line);
    if (fenceMatch) {
      const ticks = fenceMatch[1]!;
      if (open === undefined) open = ticks;
      else if (ticks.length >= open.length && line.trim() === ticks) open = undefined;
      continue;
    }
    if (open !== undefined) continue;
    details += (line.match(/<details[\s>]/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
    if (details < 0) return false;
  }
  return open === undefined && details === 0;
}
