import { describe, expect, it } from 'vitest';
import { MAX_PUBLIC_ADDRESSES, publicAddressCount, worldExposure } from './public-exposure.js';

describe('CIDR allow lists judged as a union', () => {
  it.each([
    [['203.0.113.0/24']],
    [['198.51.100.10/32', '192.0.2.0/24']],
    [['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
    [['11.0.0.0/8']],
    [[]],
  ])('accepts %j', (cidrs) => expect(worldExposure(cidrs)).toBeUndefined());

  it.each([
    [['0.0.0.0/1', '128.0.0.0/1']],
    [['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2']],
    [['1.0.0.0/8', '2.0.0.0/8']],
    [['0.0.0.0/0']],
    [['8.0.0.0/7']],
  ])('refuses %j', (cidrs) => expect(worldExposure(cidrs)).toMatch(/^together these CIDRs admit \d+ public addresses/));

  it('does not count private, reserved or duplicate space', () => {
    expect(publicAddressCount(['10.0.0.0/8', '11.0.0.0/8', '11.0.0.0/9'])).toBe(MAX_PUBLIC_ADDRESSES);
    expect(publicAddressCount(['224.0.0.0/3', '127.0.0.0/8'])).toBe(0);
  });
});
