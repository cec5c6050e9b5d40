/**
 * Pricing through loadPlatform: a region without a price table, and instance types its table does
 * not price, are one line each naming the environment file, the field and the price file.
 * Mutates the first environment of the real inputs, whatever it is called.
 */
import { describe, expect, it } from 'vitest';
import { problems, type Inputs } from '../../tests/support/inputs.js';
import { PRICE_TABLES, priceFile, priceTableProblems } from '../cost/prices/index.js';
import { AWS_REGION_ZONES, regionPartition } from './aws/regions.js';

const first = (i: Inputs) => i.environments[0]!;
const unpricedRegion = Object.keys(AWS_REGION_ZONES).find((r) => regionPartition(r) === 'aws' && !PRICE_TABLES.some((t) => t.region === r))!;

describe('every environment can be priced', () => {
  it('accepts the real environments', () => {
    expect(problems(() => {})).toStrictEqual([]);
  });

  it('refuses a region without a price table, naming the region and the price file', () => {
    let file = '';
    const lines = problems((i) => {
      const env = first(i);
      file = env.file;
      env.value.aws.region = unpricedRegion;
      env.value.aws.availabilityZones = env.value.aws.availabilityZones.map((_, n) => `${unpricedRegion}${AWS_REGION_ZONES[unpricedRegion]![n]}`);
    });
    expect(lines).toStrictEqual([
      `${file}: aws.region: no prices for region ${unpricedRegion}: add ${priceFile(unpricedRegion)} (and list it in generators/cost/prices/index.ts), or use a priced region (${PRICE_TABLES.map((t) => t.region).join(', ')})`,
    ]);
  });

  it('refuses instance types the region prices nowhere, one line per field', () => {
    let file = '';
    let region = '';
    const lines = problems((i) => {
      const env = first(i);
      [file, region] = [env.file, env.value.aws.region];
      env.value.eks.nodePools[0]!.instanceTypes[0] = 'm5zn.large';
      env.value.database.instanceClass = 'db.x2g.large';
      env.value.cache.nodeType = 'cache.c7gn.large';
    });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${file}: cache\\.nodeType: no ElastiCache node price for cache\\.c7gn\\.large in ${priceFile(region)}; add its on-demand list price there, or use one of cache\\.`));
    expect(lines[1]).toMatch(new RegExp(`^${file}: database\\.instanceClass: no Aurora instance price for db\\.x2g\\.large in ${priceFile(region)}; `));
    expect(lines[2]).toMatch(new RegExp(`^${file}: eks\\.nodePools\\[0\\]\\.instanceTypes\\[0\\]: no EC2 price for m5zn\\.large in ${priceFile(region)}; add its family's \`large\` on-demand price to ec2LargeHour`));
  });

  it('reports a mistyped instance type once, by the instance-family check, not again for its price', () => {
    const lines = problems((i) => void (first(i).value.kafka.brokerInstanceType = 'kafka.r6g.large'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/kafka\.brokerInstanceType: kafka\.r6g\.large: no kafka\. instance family "r6g"/);
  });
});

describe('price tables', () => {
  it.each(PRICE_TABLES.map((t) => [t.region, t] as const))('%s is valid: prices of 0 or more, a spot share, its source and date', (_, table) => {
    expect(priceTableProblems(table)).toStrictEqual([]);
  });

  it('refuses negative prices, a missing source and a date that is not "as published around <Month YYYY>"', () => {
    const broken = structuredClone(PRICE_TABLES[0]!);
    broken.eks.clusterHour = -1;
    broken.source = '';
    broken.published = '2025-11';
    broken.spotShareOfOnDemand = 0;
    const file = priceFile(broken.region);
    expect(priceTableProblems(broken)).toStrictEqual([
      { file, path: 'eks.clusterHour', message: 'expected a price of 0 or more, got -1' },
      { file, path: 'spotShareOfOnDemand', message: 'expected a share above 0 and at most 1, got 0' },
      { file, path: 'source', message: 'expected the pricing page or offer file the prices come from' },
      { file, path: 'published', message: 'expected "as published around <Month YYYY>", got "2025-11"' },
    ]);
  });
});
