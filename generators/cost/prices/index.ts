/**
 * Every committed price table, by region, and the look-ups the estimate uses. A region is priced
 * only when its table is listed here: `generators/cost/prices/<region>.ts`.
 */
import { euWest1 } from './eu-west-1.js';
import { usEast1 } from './us-east-1.js';
import type { Problem } from '../../model/problem.js';
import type { RegionPrices } from './types.js';

export type { RegionPrices } from './types.js';

export const PRICE_TABLES: readonly RegionPrices[] = [euWest1, usEast1];

/** Where a region's table lives (or should be added), for messages. */
export const priceFile = (region: string) => `generators/cost/prices/${region}.ts`;

export function pricesFor(region: string): RegionPrices | undefined {
  return PRICE_TABLES.find((table) => table.region === region);
}

/** The one-line problem for a region without prices. */
export function missingRegionMessage(region: string): string {
  return `no prices for region ${region}: add ${priceFile(region)} (and list it in generators/cost/prices/index.ts), or use a priced region (${PRICE_TABLES.map((t) => t.region).join(', ')})`;
}

const SIZE = /^(medium|large|([0-9]*)xlarge)$/;

/** An EC2 size's multiple of `large` (AWS normalization factors): medium ½, large 1, xlarge 2, 4xlarge 8. */
export function sizeFactor(size: string): number | undefined {
  const match = SIZE.exec(size);
  if (!match) return undefined;
  if (match[1] === 'medium') return 0.5;
  if (match[1] === 'large') return 1;
  return 2 * Number(match[2] || '1');
}

/** On-demand hourly price of an EC2 instance type, undefined when the table has no price for it. */
export function ec2Hour(prices: RegionPrices, type: string): number | undefined {
  const [family = '', size = '', ...rest] = type.split('.');
  const large = prices.ec2LargeHour[family];
  const factor = sizeFactor(size);
  return rest.length > 0 || large === undefined || factor === undefined ? undefined : large * factor;
}

/** What is wrong with a table (empty when valid): prices of 0 or more, a spot share, a source and a date. */
export function priceTableProblems(table: RegionPrices): Problem[] {
  const problems: Problem[] = [];
  const file = priceFile(table.region);
  const report = (path: string, message: string) => problems.push({ file, path, message });
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || value < 0) report(path, `expected a price of 0 or more, got ${value}`);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    }
  };
  const { region: _region, source, published, spotShareOfOnDemand, ...prices } = table;
  walk(prices, '');
  if (!(spotShareOfOnDemand > 0 && spotShareOfOnDemand <= 1)) report('spotShareOfOnDemand', `expected a share above 0 and at most 1, got ${spotShareOfOnDemand}`);
  if (source.trim().length < 10) report('source', 'expected the pricing page or offer file the prices come from');
  if (!/^as published around (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/.test(published)) {
    report('published', `expected "as published around <Month YYYY>", got ${JSON.stringify(published)}`);
  }
  for (const family of Object.keys(table.ec2LargeHour)) {
    if (!/^[a-z][0-9]+[a-z]*(-flex)?$/.test(family)) report(`ec2LargeHour.${family}`, 'expected an EC2 family such as m6i');
  }
  return problems;
}
