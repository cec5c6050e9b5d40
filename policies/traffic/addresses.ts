/**
 * IPv4 address sets as sorted, disjoint ranges: what an `ipBlock` (cidr minus except) admits, the
 * subnets a load balancer or a data store sends from, and whether one set covers or meets another.
 */

/** Inclusive ranges [first, last] of 32-bit addresses, sorted and disjoint. */
export type AddressSet = readonly (readonly [number, number])[];

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The addresses of an IPv4 CIDR, or undefined when it is not one (IPv6 is out of scope). */
export function parseCidr(cidr: string): AddressSet | undefined {
  const match = CIDR.exec(cidr.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const first = Math.floor(address / size) * size;
  return [[first, first + size - 1]];
}

export function union(...sets: AddressSet[]): AddressSet {
  const ranges = sets.flat().map(([a, b]) => [a, b] as [number, number]).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

export function subtract(from: AddressSet, remove: AddressSet): AddressSet {
  let result: [number, number][] = from.map(([a, b]) => [a, b]);
  for (const [ra, rb] of remove) {
    result = result.flatMap(([a, b]): [number, number][] => {
      if (rb < a || ra > b) return [[a, b]];
      const parts: [number, number][] = [];
      if (ra > a) parts.push([a, ra - 1]);
      if (rb < b) parts.push([rb + 1, b]);
      return parts;
    });
  }
  return result;
}

export function cidrs(list: readonly string[]): AddressSet {
  return union(...list.map((c) => parseCidr(c) ?? []));
}

export const isEmpty = (set: AddressSet) => set.length === 0;

/** Every address of `inner` is in `outer`. */
export const covers = (outer: AddressSet, inner: AddressSet) => isEmpty(subtract(inner, outer));

/** Some address is in both. */
export const overlaps = (a: AddressSet, b: AddressSet) => a.some(([a1, a2]) => b.some(([b1, b2]) => a1 <= b2 && b1 <= a2));

/** The public IPv4 internet: everything but private, shared, loopback, link-local and multicast space. */
export const PUBLIC_INTERNET: AddressSet = subtract(cidrs(['0.0.0.0/0']), cidrs(['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/3']));

const octets = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** A short human form for messages: the ranges as first-last addresses. */
export function describeSet(set: AddressSet): string {
  return set.map(([a, b]) => (a === b ? octets(a) : `${octets(a)}-${octets(b)}`)).join(', ');
}
