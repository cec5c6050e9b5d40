import { describe, expect, it } from 'vitest';
import { dailyCronMaxGapMinutes } from './cron-interval.js';

describe('dailyCronMaxGapMinutes', () => {
  it.each([
    ['0 3 * * *', 1440],
    ['0 */6 * * *', 360],
    ['*/15 * * * *', 15],
    ['30 1,13 * * *', 720],
    ['0 2,3 * * *', 1380],
    ['0 0-23/8 * * *', 480],
  ])('%s runs at most %i minutes apart', (schedule, gap) => expect(dailyCronMaxGapMinutes(schedule)).toBe(gap));

  it.each(['0 3 * * 0', '0 3 1 * *', '@daily', '0 25 * * *', 'x 3 * * *', '0 3 * *'])('cannot tell for %s', (schedule) =>
    expect(dailyCronMaxGapMinutes(schedule)).toBeUndefined(),
  );
});
