/**
 * The longest gap, in minutes, between two runs of a five-field cron schedule that runs every day
 * (day of month, month and day of week all `*`), e.g. `0 3 * * *` → 1440, `0 *\/6 * * *` → 360.
 * Undefined for schedules that skip days (their gap depends on the calendar) or that cannot be read.
 */
function field(text: string, min: number, max: number): number[] | undefined {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return undefined;
    const from = match[1] === '*' ? min : Number(match[2]);
    const to = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? max : from;
    const step = match[4] !== undefined ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) return undefined;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

export function dailyCronMaxGapMinutes(schedule: string): number | undefined {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5 || fields.slice(2).some((f) => f !== '*')) return undefined;
  const minutes = field(fields[0]!, 0, 59);
  const hours = field(fields[1]!, 0, 23);
  if (!minutes || !hours || minutes.length === 0 || hours.length === 0) return undefined;
  const runs = hours.flatMap((h) => minutes.map((m) => h * 60 + m));
  return Math.max(...runs.map((run, i) => (i + 1 < runs.length ? runs[i + 1]! - run : runs[0]! + 1440 - run)));
}
