import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date.js';

describe('calendar dates', () => {
  it.each(['2026-01-31', '2028-02-29', '2000-02-29', '2026-12-31'])('%s exists', (date) => expect(isCalendarDate(date)).toBe(true));
  it.each(['2026-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1', '2026-01-00'])('%s does not', (date) =>
    expect(isCalendarDate(date)).toBe(false),
  );
});
