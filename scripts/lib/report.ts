/** Human-readable summaries of a sync plan: what synth did, or why `--check` failed. */
import { createTwoFilesPatch } from 'diff';
import type { FileChange, SyncPlan } from './writer.js';

const DIFF_LINES = 20;

/** A unified diff of one file, cut to its first lines. */
export function shortDiff(change: FileChange): string {
  const patch = createTwoFilesPatch(`a/${change.path}`, `b/${change.path}`, change.before ?? '', change.after, 'committed', 'generated', { context: 2 });
  const lines = patch.split('\n').slice(2).filter((l) => l !== '');
  const cut = lines.length > DIFF_LINES ? [...lines.slice(0, DIFF_LINES), `… ${lines.length - DIFF_LINES} more diff lines`] : lines;
  return cut.map((l) => `      ${l}`).join('\n');
}

export function driftCount(plan: SyncPlan): number {
  return plan.writes.length + plan.deletes.length + plan.unexpected.length;
}

export function checkReport(plan: SyncPlan): string {
  const lines: string[] = [];
  for (const change of plan.writes) {
    if (change.kind === 'create') lines.push(`  missing     ${change.path} (synth would create it)`);
    else {
      lines.push(`  stale       ${change.path} (differs from what synth generates)`);
      lines.push(shortDiff(change));
    }
  }
  for (const path of plan.deletes) lines.push(`  obsolete    ${path} (no longer generated; synth would delete it)`);
  for (const path of plan.unexpected) lines.push(`  unexpected  ${path} (not produced by synth; generated paths must not be edited by hand)`);
  return [
    `pnpm synth --check: ${driftCount(plan)} generated file(s) out of date:`,
    ...lines,
    'Run `pnpm synth` and commit the result (delete unexpected files by hand).',
  ].join('\n');
}

export function applyReport(plan: SyncPlan): string {
  const created = plan.writes.filter((w) => w.kind === 'create').length;
  const updated = plan.writes.length - created;
  const lines = [`pnpm synth: ${created} created, ${updated} updated, ${plan.deletes.length} deleted, ${plan.unchanged} unchanged.`];
  for (const w of plan.writes) lines.push(`  ${w.kind === 'create' ? 'created' : 'updated'}  ${w.path}`);
  for (const path of plan.deletes) lines.push(`  deleted  ${path}`);
  for (const path of plan.leftovers) lines.push(`  removed  ${path} (temporary file of an interrupted run)`);
  for (const { path, reason } of plan.skippedDeletes) lines.push(`  warning: not deleting ${path}: ${reason}`);
  for (const path of plan.unexpected) lines.push(`  warning: ${path} is not produced by synth (left in place)`);
  return lines.join('\n');
}
