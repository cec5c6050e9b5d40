/** The only place commands read the clock: today's date in UTC, as policy exceptions state expiry. */
import { UsageError } from './cli.js';

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `--today YYYY-MM-DD` (check as of another day, e.g. to see what expires next month), else the clock. */
export function todayFrom(option: string | undefined): string {
  if (option === undefined) return todayUtc();
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(option) || Number.isNaN(Date.parse(`${option}T00:00:00Z`))) {
    throw new UsageError(`--today: expected a date as YYYY-MM-DD, got "${option}"`);
  }
  return option;
}
