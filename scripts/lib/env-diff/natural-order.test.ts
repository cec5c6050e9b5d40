import { describe, expect, it } from 'vitest';
import { compareNatural } from './natural-order.js';

describe('natural order', () => {
  it('orders digit runs by value and everything else by code point', () => {
    expect(['route_10', 'route_2', 'route_1', 'b', 'B', 'route_02', 'a10b', 'a9c'].sort(compareNatural)).toEqual([
      'B',
      'a9c',
      'a10b',
      'b',
      'route_1',
      'route_2',
      'route_02',
      'route_10',
    ]);
  });
});
