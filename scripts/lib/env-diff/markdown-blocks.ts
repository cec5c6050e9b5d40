/**
 * One Markdown block per changed resource: a bullet naming it and what happened, then its field
 * changes (capped) and its risks. Blocks are self-contained — every fence they open they close —
 * so the comment can be cut between any two of them.
 */
import { diffLines } from 'diff';
import type { Change } from './cross-environment.js';
import { objectLabel } from './manifest-objects.js';
import { code, fence, truncate, value } from './markdown-text.js';
import type { FieldChange, Risk } from './types.js';

/** Field changes shown per resource; the rest are counted. */
export const MAX_FIELDS = 25;
/** Lines shown of a multi-line text diff. */
const MAX_TEXT_LINES = 20;

export const SEVERITY_ICON = { danger: '🛑', warning: '⚠️' } as const;

export interface Block {
  /** Heading of the group the block belongs to; emitted once before the group's first shown block. */
  heading: string;
  text: string;
}

export function groupHeading(change: Change): string {
  if (change.artifact === 'terraform') return `#### Terraform · ${code(change.group)}`;
  if (change.artifact === 'kubernetes') return `#### Kubernetes · app ${code(change.group)}`;
  return '#### Argo CD';
}

function subject(change: Change): string {
  return change.artifact === 'terraform' ? change.item.address : objectLabel(change.item);
}

const isScalar = (v: unknown) => v === null || typeof v !== 'object';

function listDelta(before: unknown[], after: unknown[]): string {
  const key = (v: unknown) => JSON.stringify(v);
  const [was, now] = [new Set(before.map(key)), new Set(after.map(key))];
  const added = after.filter((v) => !was.has(key(v))).map((v) => `+ ${value(v)}`);
  const removed = before.filter((v) => !now.has(key(v))).map((v) => `− ${value(v)}`);
  if (added.length + removed.length === 0) return 'order changed';
  const shown = [...added, ...removed];
  return shown.length > 6 ? `${shown.slice(0, 6).join(', ')}, … (${shown.length - 6} more)` : shown.join(', ');
}

function textDiff(before: string, after: string, indent: string): string {
  const lines = diffLines(before, after).flatMap((part) => {
    const marker = part.added ? '+ ' : part.removed ? '- ' : '  ';
    return part.value.replace(/\n$/, '').split('\n').map((line) => `${marker}${truncate(line, 200)}`);
  });
  const changed = lines.filter((l) => !l.startsWith('  '));
  const shown = changed.length > MAX_TEXT_LINES ? [...changed.slice(0, MAX_TEXT_LINES), `… ${changed.length - MAX_TEXT_LINES} more changed lines`] : changed;
  return fence(shown.join('\n'), 'diff', indent);
}

/** Long strings that share a beginning (image references, ARNs) are shown from the last `/` (else `:`) before they differ. */
function changedStrings(before: string, after: string): [string, string] {
  if (before.length + after.length <= 80) return [before, after];
  let common = 0;
  while (common < before.length && before[common] === after[common]) common++;
  const slash = before.lastIndexOf('/', common - 1);
  const cut = slash > 8 ? slash : before.lastIndexOf(':', common - 1);
  return cut > 8 ? [`…${before.slice(cut)}`, `…${after.slice(cut)}`] : [before, after];
}

function fieldLine(field: FieldChange): string {
  const path = code(field.path || '(value)');
  if (field.sensitive) return `  - ${path}: ${field.change} (value hidden)`;
  if (field.change === 'added') return `  - ${path}: added ${value(field.after)}`;
  if (field.change === 'removed') return `  - ${path}: removed (was ${value(field.before)})`;
  const { before, after } = field;
  if (typeof before === 'string' && typeof after === 'string' && (before.includes('\n') || after.includes('\n'))) {
    return `  - ${path}:\n${textDiff(before, after, '    ')}`;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.every(isScalar) && after.every(isScalar)) return `  - ${path}: ${listDelta(before, after)}`;
  if (typeof before === 'string' && typeof after === 'string') {
    const [shownBefore, shownAfter] = changedStrings(before, after);
    return `  - ${path}: ${value(shownBefore)} → ${value(shownAfter)}`;
  }
  return `  - ${path}: ${value(before)} → ${value(after)}`;
}

function riskLine(risk: Risk): string {
  return `  - ${SEVERITY_ICON[risk.severity]} ${risk.message}`;
}

export function renderBlock(change: Change): Block {
  const { item } = change;
  const notes = [
    'movedFrom' in item && item.movedFrom ? `moved from ${code(item.movedFrom)}` : '',
    item.likelyRenamedTo ? `likely renamed to ${code(item.likelyRenamedTo)}` : '',
  ].filter(Boolean);
  const head = `- ${code(subject(change))} **${item.change}**${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  const fields = item.fields.slice(0, MAX_FIELDS).map(fieldLine);
  if (item.fields.length > MAX_FIELDS) fields.push(`  - … ${item.fields.length - MAX_FIELDS} more field change(s) (see \`--format json\`)`);
  return { heading: groupHeading(change), text: [head, ...item.risks.map(riskLine), ...fields].join('\n') };
}
