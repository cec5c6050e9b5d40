import { describe, expect, it } from 'vitest';
import { dailyWindow, overlap, weeklyWindow } from './windows.js';

describe('maintenance windows as ranges of the week', () => {
  it('measures weekly windows, also across midnight and the week end', () => {
    expect(weeklyWindow('sun:03:00-sun:04:00')).toEqual({ start: 6 * 1440 + 180, minutes: 60 });
    expect(weeklyWindow('sat:23:30-sun:00:15')?.minutes).toBe(45);
    expect(weeklyWindow('sun:23:30-mon:00:30')?.minutes).toBe(60);
    expect(weeklyWindow('03:00-04:00')).toBeNull();
  });

  it('repeats a daily window on every day', () => {
    const days = dailyWindow('23:30-00:30')!;
    expect(days).toHaveLength(7);
    expect(days.map((d) => d.minutes)).toEqual(Array(7).fill(60));
    expect(days[6]!.start).toBe(6 * 1440 + 23 * 60 + 30);
  });

  it('finds overlaps, treating touching windows as apart', () => {
    const maintenance = weeklyWindow('sun:03:00-sun:04:00')!;
    expect(dailyWindow('01:00-02:00')!.some((d) => overlap(maintenance, d))).toBe(false);
    expect(dailyWindow('02:00-03:00')!.some((d) => overlap(maintenance, d))).toBe(false);
    expect(dailyWindow('03:30-04:30')!.some((d) => overlap(maintenance, d))).toBe(true);
    expect(dailyWindow('02:30-05:00')!.some((d) => overlap(maintenance, d))).toBe(true);
    // Wrapping across the week end.
    const weekEnd = weeklyWindow('sun:23:00-mon:01:00')!;
    expect(dailyWindow('00:30-01:30')!.some((d) => overlap(weekEnd, d))).toBe(true);
  });
});
