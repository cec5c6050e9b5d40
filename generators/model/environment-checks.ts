/** Checks on one environment that a JSON Schema cannot express. Runs only on schema-valid input. */
import type { Environment } from '../../environments/types.js';
import { canonical, contains, hasHostBits, overlaps, parseCidr, type Cidr } from './cidr.js';
import { instanceTypeProblem } from './aws/instance-families.js';
import { instanceShape } from './instance-types.js';
import { joinPath, type Problem } from './problem.js';
import { worldExposure } from './public-exposure.js';

const REQUIRED_NODE_POOLS = ['system', 'apps', 'data'];
/** Graviton families carry a `g` after the generation number (m7g, r6gd, c7gn, t4g). */
const ARM_INSTANCE = /^(db\.|cache\.|kafka\.)?[a-z]+[0-9]+g[a-z]*\./;
/** Instance classes of RDS, ElastiCache and MSK, which are not EC2 instance types. */
const FOREIGN_CLASS = /^(db|cache|kafka)\./;

export function checkEnvironment(file: string, env: Environment): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ file, path, message });

  const expectedName = /([^/]+)\.ts$/.exec(file)?.[1];
  if (expectedName && env.name !== expectedName) report('name', `expected "${expectedName}" (the file name), got "${env.name}"`);

  checkZones(env, report);
  checkSubnets(env, report);
  checkNodePools(env, report);
  checkProductionProtections(env, report);

  if (env.cache.multiAz && env.cache.nodes < 2) report('cache.multiAz', `expected at least 2 cache nodes for multi-AZ, got ${env.cache.nodes}`);
  if (env.eks.publicAccessCidrs.includes('0.0.0.0/0')) report('eks.publicAccessCidrs', 'expected specific CIDRs; the API endpoint must not be open to the world');
  else {
    const exposure = worldExposure(env.eks.publicAccessCidrs);
    if (exposure) report('eks.publicAccessCidrs', `${exposure}; the API endpoint must not be open to the world`);
  }
  duplicates(env.dataLake.buckets.map((b) => b.name)).forEach((i) =>
    report(`dataLake.buckets[${i}].name`, `duplicate bucket name "${env.dataLake.buckets[i]?.name}"`),
  );
  return problems;
}

type Report = (path: string, message: string) => void;

function checkZones(env: Environment, report: Report): void {
  const zones = env.aws.availabilityZones;
  const production = env.tier === 'production';
  const minimum = production ? 3 : 2;
  if (zones.length < minimum) {
    report('aws.availabilityZones', `expected at least ${minimum} availability zones${production ? ' in production' : ''}, got ${zones.length}`);
  }
  zones.forEach((zone, i) => {
    if (!zone.startsWith(env.aws.region)) report(`aws.availabilityZones[${i}]`, `${zone} is not in region ${env.aws.region}`);
  });
  duplicates(zones).forEach((i) => report(`aws.availabilityZones[${i}]`, `duplicate zone ${zones[i]}`));
}

function checkSubnets(env: Environment, report: Report): void {
  const vpc = parseCidr(env.network.vpcCidr);
  if (!vpc) return;
  if (hasHostBits(vpc)) {
    // Containment against a misaligned VPC would only repeat this problem for every subnet.
    report('network.vpcCidr', `${vpc.text} has host bits set; expected ${canonical(vpc)}`);
    return;
  }
  // AWS accepts VPC and subnet blocks between /16 and /28.
  if (vpc.prefix < 16 || vpc.prefix > 28) report('network.vpcCidr', `${vpc.text}: AWS accepts VPC CIDR blocks from /16 to /28, got /${vpc.prefix}`);
  const zoneCount = env.aws.availabilityZones.length;
  const seen: { path: string; cidr: Cidr }[] = [];
  for (const tier of ['public', 'private', 'database'] as const) {
    const tierPath = `network.subnets.${tier}`;
    const list = env.network.subnets[tier];
    if (list.length !== zoneCount) {
      report(tierPath, `expected ${zoneCount} subnets (one per availability zone), got ${list.length}`);
    }
    list.forEach((text, i) => {
      const path = joinPath(tierPath, i);
      const cidr = parseCidr(text);
      if (!cidr) return;
      if (hasHostBits(cidr)) report(path, `${text} has host bits set; expected ${canonical(cidr)}`);
      if (cidr.prefix > 28) report(path, `${text}: AWS accepts subnets from /16 to /28, got /${cidr.prefix}`);
      if (!contains(vpc, cidr)) report(path, `${text} is not inside vpcCidr ${vpc.text}`);
      const clash = seen.find((other) => overlaps(other.cidr, cidr));
      if (clash) report(path, `${text} overlaps ${clash.path} (${clash.cidr.text})`);
      seen.push({ path, cidr });
    });
  }
}

function checkNodePools(env: Environment, report: Report): void {
  const pools = env.eks.nodePools;
  pools.forEach((pool, i) => {
    const path = `eks.nodePools[${i}]`;
    if (!(pool.minSize <= pool.desiredSize && pool.desiredSize <= pool.maxSize)) {
      report(path, `expected minSize <= desiredSize <= maxSize, got ${pool.minSize} <= ${pool.desiredSize} <= ${pool.maxSize}`);
    }
    pool.instanceTypes.forEach((type, j) => {
      const typePath = `${path}.instanceTypes[${j}]`;
      const problem = instanceTypeProblem('ec2', type);
      // A class of another service (db., cache., kafka.) is one line: nothing else about it applies.
      if (problem && FOREIGN_CLASS.test(type)) return void report(typePath, problem);
      const isArm = ARM_INSTANCE.test(type);
      if (pool.architecture === 'arm64' && !isArm) report(typePath, `${type} is not an arm64 (Graviton) instance type`);
      if (pool.architecture === 'x86_64' && isArm) report(typePath, `${type} is an arm64 instance type in an x86_64 pool`);
      // Karpenter's NodePools take their instance families and limits from these types; then the family must exist.
      if (!instanceShape(type)) report(typePath, `expected a c, m or r instance type of size medium, large or [N]xlarge, got ${type}`);
      else if (problem) report(typePath, problem);
    });
  });
  duplicates(pools.map((p) => p.name)).forEach((i) => report(`eks.nodePools[${i}].name`, `duplicate node pool name "${pools[i]?.name}"`));
  for (const name of REQUIRED_NODE_POOLS) {
    if (!pools.some((p) => p.name === name)) {
      report('eks.nodePools', `missing the "${name}" pool; expected pools named ${REQUIRED_NODE_POOLS.join(', ')}`);
    }
  }
}

/** What `tier: 'production'` promises (see Tier in environments/types.ts). */
function checkProductionProtections(env: Environment, report: Report): void {
  if (env.tier !== 'production') return;
  if (!env.database.deletionProtection) report('database.deletionProtection', 'expected true in production');
  if (env.database.instances < 2) report('database.instances', `expected at least 2 in production (a writer and a reader in another zone), got ${env.database.instances}`);
  if (env.database.backupRetentionDays < 7) report('database.backupRetentionDays', `expected at least 7 days in production, got ${env.database.backupRetentionDays}`);
  if (env.network.natGateways !== 'one-per-az') report('network.natGateways', 'expected "one-per-az" in production');
  if (!env.cache.multiAz) report('cache.multiAz', 'expected true in production');
  env.eks.nodePools.forEach((pool, i) => {
    if (pool.capacityType === 'SPOT' && pool.name === 'system') report(`eks.nodePools[${i}].capacityType`, 'expected ON_DEMAND for the system pool in production');
  });
}

/** Indexes of entries that repeat an earlier entry. */
export function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const result: number[] = [];
  values.forEach((value, i) => {
    if (seen.has(value)) result.push(i);
    seen.add(value);
  });
  return result;
}
