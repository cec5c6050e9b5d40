/**
 * Maintenance and backup windows as AWS writes them: weekly `ddd:hh24:mi-ddd:hh24:mi` and daily
 * `hh24:mi-hh24:mi`, both UTC. A window is a range of minutes of the week; a daily window is that
 * range on each of the seven days. Windows may wrap (sat:23:30-sun:00:30, 23:30-00:30).
 */

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Start minute of the week (Monday 00:00 = 0) and length in minutes. */
export interface WeekRange {
  start: number;
  minutes: number;
}

const clock = (text: string): number => {
  const [hours, minutes] = text.split(':').map(Number);
  return hours! * 60 + minutes!;
};

const weekMinute = (text: string): number => {
  const [day, hours, minutes] = text.split(':');
  return DAYS.indexOf(day as (typeof DAYS)[number]) * MINUTES_PER_DAY + clock(`${hours}:${minutes}`);
};

/** A weekly window as a range, or null when the text is not one (the schema reports that). */
export function weeklyWindow(text: string): WeekRange | null {
  const match = /^([a-z]{3}:\d{2}:\d{2})-([a-z]{3}:\d{2}:\d{2})$/.exec(text);
  if (!match) return null;
  const start = weekMinute(match[1]!);
  const end = weekMinute(match[2]!);
  return { start, minutes: (end - start + MINUTES_PER_WEEK) % MINUTES_PER_WEEK };
}

/** The seven occurrences of a daily window, or null when the text is not one. */
export function dailyWindow(text: string): WeekRange[] | null {
  const match = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(text);
  if (!match) return null;
  const start = clock(match[1]!);
  const minutes = (clock(match[2]!) - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return DAYS.map((_, day) => ({ start: day * MINUTES_PER_DAY + start, minutes }));
}

/** Whether two ranges of the week share a minute (ranges are half-open: 03:00-04:00 and 04:00-05:00 do not). */
export function overlap(a: WeekRange, b: WeekRange): boolean {
  const offset = (b.start - a.start + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  const back = (a.start - b.start + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  return offset < a.minutes || back < b.minutes;
}
