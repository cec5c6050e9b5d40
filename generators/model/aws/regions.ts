/**
 * AWS regions, the availability-zone names and the AZ IDs that exist in each.
 *
 * Sources: AWS "Regions and Availability Zones" (docs.aws.amazon.com/global-infrastructure/latest/
 * regions/aws-availability-zones.html and az-ids.html), the EFS "Supported Availability Zones for
 * One Zone file systems" table of AZ IDs, and `aws ec2 describe-availability-zones`; compiled
 * 2025-11, checked in on 2026-11-30. Zone *letters* are mapped per account in the oldest regions;
 * this table lists every letter any account can see (us-east-1 has six zones, ap-northeast-1 still
 * shows 1b to older accounts). AZ IDs are the same in every account: the region's short code
 * (euw1, apse2, usgw1) followed by -az<N>. A region that opened after that date is refused until
 * it is added here, with the same sources.
 */
export const AWS_REGION_ZONES: Readonly<Record<string, string>> = {
  'af-south-1': 'abc',
  'ap-east-1': 'abc',
  'ap-east-2': 'abc',
  'ap-northeast-1': 'abcd',
  'ap-northeast-2': 'abcd',
  'ap-northeast-3': 'abc',
  'ap-south-1': 'abc',
  'ap-south-2': 'abc',
  'ap-southeast-1': 'abc',
  'ap-southeast-2': 'abc',
  'ap-southeast-3': 'abc',
  'ap-southeast-4': 'abc',
  'ap-southeast-5': 'abc',
  'ap-southeast-7': 'abc',
  'ca-central-1': 'abd',
  'ca-west-1': 'abc',
  'cn-north-1': 'abd',
  'cn-northwest-1': 'abc',
  'eu-central-1': 'abc',
  'eu-central-2': 'abc',
  'eu-north-1': 'abc',
  'eu-south-1': 'abc',
  'eu-south-2': 'abc',
  'eu-west-1': 'abc',
  'eu-west-2': 'abc',
  'eu-west-3': 'abc',
  'il-central-1': 'abc',
  'me-central-1': 'abc',
  'me-south-1': 'abc',
  'mx-central-1': 'abc',
  'sa-east-1': 'abc',
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-gov-east-1': 'abc',
  'us-gov-west-1': 'abc',
  'us-west-1': 'abc',
  'us-west-2': 'abcd',
};

export function regionExists(region: string): boolean {
  return Object.hasOwn(AWS_REGION_ZONES, region);
}

/** Whether `zone` names an availability zone of `region` (e.g. eu-west-1b). */
export function zoneExists(region: string, zone: string): boolean {
  const letters = AWS_REGION_ZONES[region];
  if (letters === undefined || !zone.startsWith(region) || zone.length !== region.length + 1) return false;
  return letters.includes(zone.slice(-1));
}

/** The generated ARNs are built for the commercial partition (`arn:aws:…`); China and GovCloud regions use others. */
export function regionPartition(region: string): 'aws' | 'aws-cn' | 'aws-us-gov' {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** AZ ID numbers where they are not simply 1..(number of zone letters): zones retired or never opened to new accounts. */
const AZ_ID_NUMBERS: Readonly<Record<string, readonly number[]>> = {
  'us-east-1': [1, 2, 3, 4, 5, 6],
  'us-west-1': [1, 3],
  'ap-northeast-1': [1, 2, 4],
  'ca-central-1': [1, 2, 4],
};

const DIRECTIONS: Readonly<Record<string, string>> = {
  north: 'n', south: 's', east: 'e', west: 'w', central: 'c', northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw', gov: 'g',
};

/** The short code AZ IDs start with: eu-west-1 → euw1, ap-southeast-2 → apse2, us-gov-west-1 → usgw1. */
export function azIdPrefix(region: string): string {
  const parts = region.split('-');
  const number = parts.pop()!;
  const [area, ...words] = parts;
  return `${area}${words.map((w) => DIRECTIONS[w] ?? w[0]).join('')}${number}`;
}

/** The AZ IDs of a region (empty for an unknown region), e.g. euw1-az1, euw1-az2, euw1-az3. */
export function azIds(region: string): string[] {
  const letters = AWS_REGION_ZONES[region];
  if (letters === undefined) return [];
  const numbers = AZ_ID_NUMBERS[region] ?? [...letters].map((_, i) => i + 1);
  return numbers.map((n) => `${azIdPrefix(region)}-az${n}`);
}
