import { describe, expect, it } from 'vitest';
import { lifecycleProblems, type LifecycleRule, type StorageClass } from './s3-lifecycle.js';

const rule = (transitions: [StorageClass, number][], expiration = 0): LifecycleRule => ({
  transitions: transitions.map(([storageClass, days], i) => ({ storageClass, days, path: `t[${i}]` })),
  expiration: { days: expiration, path: 'expiration' },
  noncurrentExpiration: { days: 30, path: 'noncurrent' },
});
const paths = (r: LifecycleRule) => lifecycleProblems(r).map((p) => p.path);

describe('S3 lifecycle rules', () => {
  it.each([
    ['Intelligent-Tiering at once, never expire', rule([['INTELLIGENT_TIERING', 0]])],
    ['IA at 30, Glacier at 60, expire at 365', rule([['STANDARD_IA', 30], ['GLACIER', 60]], 365)],
    ['Glacier Instant Retrieval then Deep Archive', rule([['GLACIER_IR', 1], ['DEEP_ARCHIVE', 90]], 400)],
  ])('accepts %s', (_, r) => expect(lifecycleProblems(r)).toEqual([]));

  it('refuses STANDARD_IA before 30 days', () => expect(paths(rule([['STANDARD_IA', 10]]))).toEqual(['t[0]']));
  it('refuses a class before one it follows in S3 order', () => expect(paths(rule([['GLACIER', 60], ['STANDARD_IA', 90]]))).toEqual(['t[1]']));
  it('refuses a transition on the same or an earlier day', () => expect(paths(rule([['INTELLIGENT_TIERING', 60], ['GLACIER', 60]]))).toEqual(['t[1]']));
  it('refuses Glacier fewer than 30 days after IA', () => expect(paths(rule([['STANDARD_IA', 30], ['GLACIER', 45]]))).toEqual(['t[1]']));
  it('refuses expiration before or on the last transition', () => {
    expect(lifecycleProblems(rule([['INTELLIGENT_TIERING', 90]], 30))).toEqual([
      { path: 'expiration', message: 'S3 expires objects only after their last transition (INTELLIGENT_TIERING on day 90); expected more than 90 days or 0 (never), got 30' },
    ]);
  });
});
