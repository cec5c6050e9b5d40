/**
 * The address plan of a new environment, pure: a VPC CIDR no existing environment overlaps (the
 * rule of generators/model/environment-set-checks.ts) and the subnet plan derived from it in the
 * layout the shipped environments use. For a VPC /p and zone i (0-based):
 * - public:   the i-th /(p+8)               (10.40.0.0/24, 10.40.1.0/24, …)
 * - private:  the (i+1)-th /(p+4)           (10.40.16.0/20, 10.40.32.0/20, …)
 * - database: the (16·max(4, zones+1)+i)-th /(p+8), after the private blocks (10.40.64.0/24, …)
 * so p may be /16 to /20 (a /28 is the smallest subnet AWS accepts) and up to 14 zones fit.
 */
import type { SubnetPlan } from '../../../environments/types.js';
import { overlaps, parseCidr, size, type Cidr } from '../../../generators/model/cidr.js';

export const SMALLEST_VPC_PREFIX = 20;
export const LARGEST_VPC_PREFIX = 16;

const formatAddress = (base: number) => [24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256).join('.');
const block = (vpc: Cidr, prefix: number, index: number) => `${formatAddress(vpc.base + index * 2 ** (32 - prefix))}/${prefix}`;

export function subnetPlan(vpcCidr: string, zones: number): SubnetPlan {
  const vpc = parseCidr(vpcCidr);
  if (!vpc) throw new Error(`not a CIDR: ${vpcCidr}`);
  const p = vpc.prefix;
  const databaseStart = 16 * Math.max(4, zones + 1);
  const indexes = Array.from({ length: zones }, (_, i) => i);
  return {
    public: indexes.map((i) => block(vpc, p + 8, i)),
    private: indexes.map((i) => block(vpc, p + 4, i + 1)),
    database: indexes.map((i) => block(vpc, p + 8, databaseStart + i)),
  };
}

/**
 * The first free `10.<n>.0.0/16` for n = 10, 20, … 250 (the shipped environments' pattern), else the
 * first free n of 0–255; undefined when 10.0.0.0/8 is full.
 */
export function freeVpcCidr(taken: readonly string[]): string | undefined {
  const used = taken.map(parseCidr).filter((c): c is Cidr => c !== undefined);
  const free = (n: number) => !used.some((c) => overlaps(c, { text: '', base: (10 * 256 + n) * 65536, prefix: 16 }));
  const candidates = [...Array.from({ length: 25 }, (_, i) => (i + 1) * 10), ...Array.from({ length: 256 }, (_, n) => n)];
  const n = candidates.find(free);
  return n === undefined ? undefined : `10.${n}.0.0/16`;
}

/** Why `cidr` cannot be the VPC of a new environment with `zones` zones, or undefined when it can. */
export function vpcCidrProblem(cidr: string, zones: number): string | undefined {
  const vpc = parseCidr(cidr);
  if (!vpc) return `expected an IPv4 CIDR such as 10.40.0.0/16 (got "${cidr}")`;
  if (vpc.base % size(vpc) !== 0) return `${cidr} has host bits set`;
  if (vpc.prefix < LARGEST_VPC_PREFIX || vpc.prefix > SMALLEST_VPC_PREFIX) return `${cidr}: expected a /${LARGEST_VPC_PREFIX} to /${SMALLEST_VPC_PREFIX} (the subnet plan needs a /${SMALLEST_VPC_PREFIX + 8} per zone and tier), got /${vpc.prefix}`;
  if (16 * Math.max(4, zones + 1) + zones > 256) return `${cidr}: ${zones} zones do not fit the subnet plan`;
  return undefined;
}
