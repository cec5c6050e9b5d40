/**
 * Every environment can be priced: its region has a committed price table (generators/cost/prices/,
 * itself valid), and each instance type it runs has a price there. Otherwise the cost estimate of
 * every synth and pull request would be silently short; one line per problem instead.
 */
import type { Environment } from '../../environments/types.js';
import { ec2Hour, missingRegionMessage, priceFile, priceTableProblems, pricesFor, type RegionPrices } from '../cost/prices/index.js';
import { instanceTypeProblem, type InstanceUse } from './aws/instance-families.js';
import { regionExists } from './aws/regions.js';
import type { Problem } from './problem.js';

/** Types the instance-family check refuses are reported there, once. */
function classProblem(use: InstanceUse, table: Record<string, number>, type: string, what: string, prices: RegionPrices): string | undefined {
  if (table[type] !== undefined || instanceTypeProblem(use, type) !== undefined) return undefined;
  return `no ${what} price for ${type} in ${priceFile(prices.region)}; add its on-demand list price there, or use one of ${Object.keys(table).join(', ')}`;
}

export function checkPricing(file: string, env: Environment): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string | undefined) => message && problems.push({ file, path, message });
  // A region that does not exist is reported by the region check alone.
  if (!regionExists(env.aws.region)) return problems;
  const prices = pricesFor(env.aws.region);
  if (!prices) {
    report('aws.region', missingRegionMessage(env.aws.region));
    return problems;
  }
  problems.push(...priceTableProblems(prices));
  env.eks.nodePools.forEach((pool, i) =>
    pool.instanceTypes.forEach((type, j) => {
      if (ec2Hour(prices, type) === undefined && instanceTypeProblem('ec2', type) === undefined) {
        report(`eks.nodePools[${i}].instanceTypes[${j}]`, `no EC2 price for ${type} in ${priceFile(prices.region)}; add its family's \`large\` on-demand price to ec2LargeHour (priced families: ${Object.keys(prices.ec2LargeHour).join(', ')})`);
      }
    }),
  );
  report('database.instanceClass', classProblem('aurora', prices.aurora.instanceHour, env.database.instanceClass, 'Aurora instance', prices));
  report('cache.nodeType', classProblem('elasticache', prices.elasticache.nodeHour, env.cache.nodeType, 'ElastiCache node', prices));
  report('kafka.brokerInstanceType', classProblem('msk', prices.msk.brokerHour, env.kafka.brokerInstanceType, 'MSK broker', prices));
  return problems;
}
