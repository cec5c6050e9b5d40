/**
 * Where a pinned version stands on a given day against the support table: supported, ending within
 * the warning window, past its end, or unknown to the table. Pure date arithmetic on YYYY-MM-DD.
 */
import type { SupportWindow, SupportedProduct } from '../../environments/support.js';

/** Days before the end of support from which a pin is reported as a warning. */
export const WARNING_DAYS = 90;

export type SupportState = 'supported' | 'ending' | 'ended' | 'unknown';

export interface SupportStatus {
  state: SupportState;
  /** The row that decided it (absent when unknown). */
  window?: SupportWindow;
  /** The end date that applies (standard or extended support). */
  ends?: string;
  /** Whole days from `today` to `ends` (negative once past). */
  daysLeft?: number;
}

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The release line of a version as the table names it: the major for Node.js, else "major.minor" ("1.35", "v1.21.2" → "1.21"). */
export function cycleOf(product: SupportedProduct, version: string): string {
  const plain = version.replace(/^v/, '');
  if (product === 'nodejs') return plain.split('.')[0]!;
  return plain.split('.').slice(0, 2).join('.');
}

export function findWindow(table: readonly SupportWindow[], product: SupportedProduct, version: string): SupportWindow | undefined {
  const cycle = cycleOf(product, version);
  return table.find((w) => w.product === product && (w.cycle === cycle || w.cycle === '*'));
}

/** `extended`: the pin may run on paid extended support (EKS upgrade policy EXTENDED), so that end applies. */
export function supportStatus(window: SupportWindow | undefined, today: string, extended = false): SupportStatus {
  if (!window) return { state: 'unknown' };
  const ends = extended && window.extendedEnds ? window.extendedEnds : window.ends;
  if (ends === null) return { state: 'supported', window };
  const daysLeft = daysBetween(today, ends);
  const state: SupportState = daysLeft <= 0 ? 'ended' : daysLeft <= WARNING_DAYS ? 'ending' : 'supported';
  return { state, window, ends, daysLeft };
}
