import { describe, expect, it } from 'vitest';
import { cidrs, covers, describeSet, overlaps, parseCidr, PUBLIC_INTERNET, subtract } from './addresses.js';

describe('IPv4 address sets', () => {
  it.each([
    ['10.0.0.0/24', '10.0.0.0-10.0.0.255'],
    ['10.0.0.7/24', '10.0.0.0-10.0.0.255'],
    ['192.168.1.1/32', '192.168.1.1'],
    ['0.0.0.0/0', '0.0.0.0-255.255.255.255'],
  ])('reads %s as %s', (cidr, expected) => {
    expect(describeSet(parseCidr(cidr)!)).toBe(expected);
  });

  it.each(['10.0.0.0/33', '256.0.0.0/8', 'fd00::/8', 'ten'])('rejects %s', (cidr) => {
    expect(parseCidr(cidr)).toBeUndefined();
  });

  it('merges adjacent ranges and subtracts holes', () => {
    expect(describeSet(cidrs(['10.0.0.0/25', '10.0.0.128/25']))).toBe('10.0.0.0-10.0.0.255');
    expect(describeSet(subtract(cidrs(['10.0.0.0/24']), cidrs(['10.0.0.64/26'])))).toBe('10.0.0.0-10.0.0.63, 10.0.0.128-10.0.0.255');
  });

  it('tells covering from meeting', () => {
    const subnets = cidrs(['10.0.16.0/20', '10.0.32.0/20']);
    expect(covers(cidrs(['10.0.0.0/16']), subnets)).toBe(true);
    expect(covers(cidrs(['10.0.16.0/20']), subnets)).toBe(false);
    expect(overlaps(cidrs(['10.0.16.0/20']), subnets)).toBe(true);
    expect(overlaps(cidrs(['10.0.0.0/24']), subnets)).toBe(false);
  });

  it('keeps private space out of the public internet', () => {
    expect(overlaps(PUBLIC_INTERNET, cidrs(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']))).toBe(false);
    expect(covers(PUBLIC_INTERNET, cidrs(['52.94.0.0/16']))).toBe(true);
    expect(covers(cidrs(['0.0.0.0/0']), PUBLIC_INTERNET)).toBe(true);
  });
});
