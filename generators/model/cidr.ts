/** IPv4 CIDR arithmetic for the semantic checks and the subnet plan. */
export interface Cidr {
  text: string;
  /** Network address as an unsigned 32-bit integer. */
  base: number;
  prefix: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { text, base, prefix };
}

export function size(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/** The CIDR with host bits cleared, e.g. 10.0.0.1/16 → 10.0.0.0/16. */
export function canonical(cidr: Cidr): string {
  const base = cidr.base - (cidr.base % size(cidr));
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256);
  return `${octets.join('.')}/${cidr.prefix}`;
}

export function hasHostBits(cidr: Cidr): boolean {
  return cidr.base % size(cidr) !== 0;
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}
