/**
 * AWS commercial, GovCloud and China regions and the availability-zone names that exist in each.
 *
 * Source: AWS documentation "Regions and Zones" (docs.aws.amazon.com/global-infrastructure and the
 * EC2 user guide's region table) and `aws ec2 describe-availability-zones` output, compiled
 * 2025-11 (checked in on 2026-11-30). Zone *letters* are mapped per account; this table lists every
 * letter any account can see in the region (for example us-east-1 has six zones, ap-northeast-1
 * still shows 1b to older accounts). A region that opened after that date is refused until it is
 * added here, with the same source.
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
