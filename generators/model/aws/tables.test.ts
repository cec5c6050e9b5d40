import { describe, expect, it } from 'vitest';
import { instanceTypeProblem } from './instance-families.js';
import { azIds, regionExists, regionPartition, zoneExists } from './regions.js';

describe('AWS regions and zones', () => {
  it('knows regions and their zones', () => {
    expect(regionExists('eu-west-1')).toBe(true);
    expect(regionExists('eu-west-9')).toBe(false);
    expect(zoneExists('us-east-1', 'us-east-1f')).toBe(true);
    expect(zoneExists('eu-west-1', 'eu-west-1d')).toBe(false);
    expect(zoneExists('eu-west-1', 'eu-central-1a')).toBe(false);
  });

  it('knows the AZ IDs of a region', () => {
    expect(azIds('eu-west-1')).toEqual(['euw1-az1', 'euw1-az2', 'euw1-az3']);
    expect(azIds('ap-southeast-2')).toEqual(['apse2-az1', 'apse2-az2', 'apse2-az3']);
    expect(azIds('us-west-1')).toEqual(['usw1-az1', 'usw1-az3']);
    expect(azIds('us-gov-west-1')).toEqual(['usgw1-az1', 'usgw1-az2', 'usgw1-az3']);
    expect(azIds('cn-northwest-1')).toEqual(['cnnw1-az1', 'cnnw1-az2', 'cnnw1-az3']);
    expect(azIds('eu-west-9')).toEqual([]);
  });

  it('tells the partition a region belongs to', () => {
    expect(regionPartition('eu-west-1')).toBe('aws');
    expect(regionPartition('cn-north-1')).toBe('aws-cn');
    expect(regionPartition('us-gov-west-1')).toBe('aws-us-gov');
  });
});

describe('instance types per use', () => {
  it.each([
    ['ec2', 'm7g.2xlarge'],
    ['ec2', 'm7i-flex.large'],
    ['aurora', 'db.r6g.xlarge'],
    ['aurora', 'db.t4g.medium'],
    ['elasticache', 'cache.t4g.small'],
    ['msk', 'kafka.m5.large'],
    ['msk', 'kafka.t3.small'],
  ] as const)('%s accepts %s', (use, type) => expect(instanceTypeProblem(use, type)).toBeUndefined());

  it.each([
    ['ec2', 'db.r6g.large', /no db\., cache\. or kafka\. prefix/],
    ['ec2', 'm9i.large', /no EC2 instance family "m9i"/],
    ['aurora', 'r6g.large', /"db\." instance class/],
    ['aurora', 'cache.r6g.large', /"db\." instance class/],
    ['aurora', 'db.m9g.large', /no db\. instance family "m9g"/],
    ['elasticache', 'db.r6g.large', /"cache\." instance class/],
    ['msk', 'kafka.r6g.large', /no kafka\. instance family "r6g"/],
    ['msk', 'kafka.m5.huge', /not an instance size/],
  ] as const)('%s refuses %s', (use, type, why) => expect(instanceTypeProblem(use, type)).toMatch(why));
});
