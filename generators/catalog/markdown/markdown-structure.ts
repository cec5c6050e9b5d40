/**
 * Structural reading of generated Markdown, for checks over the catalog: the relative links of a
 * page (outside code) resolved against the page's folder, and tables whose rows have as many cells
 * as their header (an unescaped `|` would add one).
 */
import { posix } from 'node:path';

/** Markdown without fenced blocks and code spans (links there are text, not links). */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

export interface PageLink {
  text: string;
  /** The target as written. */
  target: string;
  /** The repository path it resolves to (anchor dropped); null for absolute URLs and pure anchors. */
  resolved: string | null;
  /** The anchor (`#…`), decoded, if any. */
  anchor: string | null;
}

/** GitHub's anchor of a heading: lower case, punctuation other than `-` and `_` dropped, spaces as `-`. */
export function headingAnchor(heading: string): string {
  return heading
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a page's headings (outside fences). */
export function headingAnchors(markdown: string): Set<string> {
  const text = markdown.replace(/^```[\s\S]*?^```$/gm, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => headingAnchor(m[1]!.replace(/\\(.)/g, '$1'))));
}

export function relativeLinks(pagePath: string, markdown: string): PageLink[] {
  return [...withoutCode(markdown).matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)/g)].map((m) => {
    const target = m[2]!;
    const file = decodeURIComponent(target.split('#')[0]!);
    const external = /^[a-z][a-z0-9+.-]*:/i.test(target) || file === '';
    const hash = target.indexOf('#');
    return {
      text: m[1]!,
      target,
      resolved: external ? null : posix.normalize(posix.join(posix.dirname(pagePath), file)),
      anchor: hash === -1 ? null : decodeURIComponent(target.slice(hash + 1)),
    };
  });
}

/** Cells of a table line: split on `|` not preceded by a backslash, outer pipes dropped. */
function cells(line: string): number {
  return line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).length;
}

/** Tables (outside fences) whose rows do not all have the header's number of cells: one line each. */
export function tableProblems(markdown: string): string[] {
  const lines = markdown.replace(/^```[\s\S]*?^```$/gm, '').split('\n');
  const problems: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !/^\|(\s*-+\s*\|)+$/.test(lines[i + 1]!)) continue;
    const width = cells(lines[i]!);
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) {
      if (cells(lines[j]!) !== width) problems.push(`table at line ${i + 1}: row ${j + 1} has ${cells(lines[j]!)} cells, the header ${width}`);
    }
  }
  return problems;
}
