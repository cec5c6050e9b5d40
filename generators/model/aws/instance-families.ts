/**
 * Instance families that exist, per use, so a typo (m6x.large), a family from the wrong service
 * (m6i.large for Aurora, db.r6g.large for a node pool) or a generation that was never made (m9i)
 * stops at synth.
 *
 * Source: the instance-type pages of Amazon EC2 (docs.aws.amazon.com/ec2/latest/instancetypes),
 * Aurora ("Supported DB engines for DB instance classes"), ElastiCache ("Supported node types") and
 * Amazon MSK ("Broker sizes"), compiled 2025-11 and checked in on 2026-11-30. Add a family here when
 * AWS releases it.
 */
export type InstanceUse = 'ec2' | 'aurora' | 'elasticache' | 'msk';

/** EC2 families node pools may use: compute (c), general purpose (m) and memory optimized (r). */
const EC2 = [
  'c4', 'c5', 'c5a', 'c5ad', 'c5d', 'c5n', 'c6a', 'c6g', 'c6gd', 'c6gn', 'c6i', 'c6id', 'c6in', 'c7a', 'c7g', 'c7gd', 'c7gn', 'c7i',
  'c7i-flex', 'c8g', 'c8gd', 'c8gn', 'c8i', 'c8i-flex',
  'm4', 'm5', 'm5a', 'm5ad', 'm5d', 'm5dn', 'm5n', 'm5zn', 'm6a', 'm6g', 'm6gd', 'm6i', 'm6id', 'm6idn', 'm6in', 'm7a', 'm7g', 'm7gd',
  'm7i', 'm7i-flex', 'm8a', 'm8g', 'm8gd', 'm8i', 'm8i-flex',
  'r4', 'r5', 'r5a', 'r5ad', 'r5b', 'r5d', 'r5dn', 'r5n', 'r6a', 'r6g', 'r6gd', 'r6i', 'r6id', 'r6idn', 'r6in', 'r7a', 'r7g', 'r7gd',
  'r7i', 'r7iz', 'r8g', 'r8gd', 'r8i', 'r8i-flex',
];

/** Aurora PostgreSQL DB instance classes (without the `db.` prefix). */
const AURORA = ['r5', 'r6g', 'r6gd', 'r6i', 'r6id', 'r7g', 'r7i', 'r8g', 'x2g', 't3', 't4g'];

/** ElastiCache (Redis OSS / Valkey) node types (without the `cache.` prefix). */
const ELASTICACHE = ['m5', 'm6g', 'm7g', 'r5', 'r6g', 'r6gd', 'r7g', 'c7gn', 't3', 't4g'];

/** Amazon MSK provisioned (standard) broker types (without the `kafka.` prefix). */
const MSK = ['t3', 'm5', 'm7g'];

export const INSTANCE_FAMILIES: Readonly<Record<InstanceUse, { prefix: string; families: readonly string[]; example: string }>> = {
  ec2: { prefix: '', families: EC2, example: 'm7i.large' },
  aurora: { prefix: 'db.', families: AURORA, example: 'db.r7g.large' },
  elasticache: { prefix: 'cache.', families: ELASTICACHE, example: 'cache.r7g.large' },
  msk: { prefix: 'kafka.', families: MSK, example: 'kafka.m7g.large' },
};

const SIZE = /^(nano|micro|small|medium|large|[0-9]*xlarge|metal(-[0-9]+xl)?)$/;

/** Why `type` cannot serve `use`, or undefined when it can. */
export function instanceTypeProblem(use: InstanceUse, type: string): string | undefined {
  const { prefix, families, example } = INSTANCE_FAMILIES[use];
  const wrongPrefix = Object.values(INSTANCE_FAMILIES).find((other) => other.prefix !== '' && other.prefix !== prefix && type.startsWith(other.prefix));
  if (!type.startsWith(prefix) || wrongPrefix) {
    const expected = prefix ? `a "${prefix}" instance class such as ${example}` : `an EC2 instance type such as ${example} (no db., cache. or kafka. prefix)`;
    return `expected ${expected}, got ${type}`;
  }
  const [family = '', size = '', ...rest] = type.slice(prefix.length).split('.');
  if (!families.includes(family)) {
    const kind = prefix ? `${prefix} ` : 'EC2 ';
    return `${type}: no ${kind}instance family "${family}" exists for this use; expected one of ${families.map((f) => prefix + f).join(', ')}`;
  }
  if (rest.length > 0 || !SIZE.test(size)) return `${type}: "${size}" is not an instance size; expected e.g. large, xlarge or 2xlarge`;
  return undefined;
}
