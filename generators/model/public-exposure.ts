/**
 * How much of the public IPv4 internet a set of CIDRs admits, together. An allow list is judged as a
 * union, so `0.0.0.0/1` + `128.0.0.0/1`, or eight /3s, are as open as `0.0.0.0/0`.
 *
 * The rule: an endpoint's allow list may admit at most MAX_PUBLIC_ADDRESSES public addresses in
 * total (a /8, 16,777,216 addresses: larger than any office, VPN or CI egress range, and far smaller
 * than "the internet"). Private, shared, loopback, link-local, multicast and reserved ranges do not
 * count: they are not reachable from the internet.
 */
import { parseCidr, size, type Cidr } from './cidr.js';

export const MAX_PUBLIC_ADDRESSES = 2 ** 24;

/** Ranges that are not public unicast space (IANA IPv4 special-purpose registry, RFC 6890). */
const NOT_PUBLIC = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/3',
].map((text) => parseCidr(text)!);

type Interval = [start: number, end: number];

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

const interval = (cidr: Cidr): Interval => {
  const base = cidr.base - (cidr.base % size(cidr));
  return [base, base + size(cidr)];
};

/** Number of public addresses the union of `cidrs` admits (unparsable entries are ignored). */
export function publicAddressCount(cidrs: readonly string[]): number {
  const allowed = merge(cidrs.flatMap((text) => parseCidr(text) ?? []).map(interval));
  const excluded = merge(NOT_PUBLIC.map(interval));
  let count = 0;
  for (const [start, end] of allowed) {
    count += end - start;
    for (const [xStart, xEnd] of excluded) count -= Math.max(0, Math.min(end, xEnd) - Math.max(start, xStart));
  }
  return count;
}

/** Why this allow list opens an endpoint to the world, or undefined when it does not. */
export function worldExposure(cidrs: readonly string[]): string | undefined {
  const count = publicAddressCount(cidrs);
  if (count <= MAX_PUBLIC_ADDRESSES) return undefined;
  const share = ((count / publicAddressCount(['0.0.0.0/0'])) * 100).toFixed(1);
  return `together these CIDRs admit ${count} public addresses (${share}% of the internet); expected at most ${MAX_PUBLIC_ADDRESSES} (a /8): list the specific ranges that need access`;
}
