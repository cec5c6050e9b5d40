/**
 * The cost page of one environment (generated/catalog/cost/<env>.md): the total against the budget,
 * per component, the largest contributors, Karpenter's headroom, every line item, the assumptions
 * and what is not counted. Plain GitHub Markdown; figures in US dollars, locale-independent.
 */
import { ASSUMPTIONS } from './assumptions.js';
import { byComponent } from './estimate.js';
import type { CostEstimate, LineItem } from './line-item.js';
import { usd } from './money.js';
import { priceFile, pricesFor } from './prices/index.js';

/** How many line items "Largest contributors" lists. */
export const LARGEST = 10;

/** What no estimate here counts, whatever the environment (the README's Cost section says the same). */
export const NEVER_COUNTED = [
  'data transfer (internet egress, cross-AZ, NAT gateway and endpoint data processing, load-balancer capacity beyond the assumed unit)',
  'requests and API calls (S3, KMS, Secrets Manager, SQS, SNS, Route 53 queries, CloudWatch metrics and queries)',
  'AWS Support, tax, Savings Plans, Reserved Instances, credits and spot discounts beyond the stated share',
  'volumes and load balancers that add-ons create at run time beyond those named in the output (Prometheus, Loki and Tempo volumes)',
  'snapshots and backups beyond the free retention, Performance Insights beyond 7 days',
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const quantity = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const unitPrice = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);

function itemRow(item: LineItem): string {
  return `| ${cell(item.component)} | \`${cell(item.resource)}\` | ${quantity(item.quantity)} | ${cell(item.unit)} | ${unitPrice(item.unitUsd)} | ${usd(item.monthlyUsd)} | ${cell(item.assumption)} |`;
}

const ITEM_HEADER = ['| Component | Resource | Quantity | Unit | Per unit a month | Monthly | Assumption |', '| --- | --- | ---: | --- | ---: | ---: | --- |'];

export interface CostPageInput {
  environment: string;
  /** `budget.monthlyUsd` of the environment. */
  budgetUsd: number;
  estimate: CostEstimate;
}

export function costPage({ environment, budgetUsd, estimate }: CostPageInput): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const tables = estimate.regions.map((region) => `\`${priceFile(region)}\` (${pricesFor(region)?.published ?? 'no table'})`);
  const over = estimate.monthlyUsd > budgetUsd;

  push(`# Cost estimate: ${environment}`, '');
  push(`**${usd(estimate.monthlyUsd)} a month**, estimated from this environment's generated Terraform and Kubernetes objects at AWS on-demand list prices: ${tables.join(', ') || 'no priced region'}.`, '');
  push(`Budget (\`budget.monthlyUsd\`): ${usd(budgetUsd)} a month; the estimate is ${percent(estimate.monthlyUsd, budgetUsd)} of it${over ? ' — **over budget** (policy COST-001 warns)' : ''}.`);
  if (estimate.headroom.length > 0) {
    const headroom = estimate.ceilingUsd - estimate.monthlyUsd;
    push(`Karpenter may add up to ${usd(headroom)} a month within its NodePool limits: at most ${usd(estimate.ceilingUsd)} a month in all.`);
  }
  push('');

  push('## Per component', '', '| Component | Monthly | Share |', '| --- | ---: | ---: |');
  for (const row of byComponent(estimate.items)) push(`| ${row.component} | ${usd(row.monthlyUsd)} | ${percent(row.monthlyUsd, estimate.monthlyUsd)} |`);
  push(`| **Total** | **${usd(estimate.monthlyUsd)}** | 100% |`, '');

  const largest = [...estimate.items].sort((a, b) => b.monthlyUsd - a.monthlyUsd).slice(0, LARGEST);
  push('## Largest contributors', '', '| Resource | Component | Monthly | Share |', '| --- | --- | ---: | ---: |');
  for (const item of largest) push(`| \`${cell(item.resource)}\` | ${item.component} | ${usd(item.monthlyUsd)} | ${percent(item.monthlyUsd, estimate.monthlyUsd)} |`);
  push('');

  if (estimate.headroom.length > 0) {
    push('## Karpenter headroom (not in the total)', '', ...ITEM_HEADER, ...estimate.headroom.map(itemRow), '');
  }

  push('## Every line item', '', ...ITEM_HEADER, ...estimate.items.map(itemRow), '');

  push('## Assumptions', '');
  push(`- A month is ${ASSUMPTIONS.hoursPerMonth} hours; everything that runs is priced on demand, node groups at their desired size.`);
  for (const region of estimate.regions) {
    const prices = pricesFor(region);
    if (prices) push(`- Spot capacity in ${region} costs ${Math.round(prices.spotShareOfOnDemand * 100)}% of on-demand; a node group is priced as the first of its instance types.`);
  }
  push(
    `- CloudWatch Logs: ${ASSUMPTIONS.logGbIngestedPerGroupMonth} GB ingested per log group a month, stored for its retention.`,
    `- S3: ${ASSUMPTIONS.s3GbPerBucket} GB per bucket in S3 Standard; ECR: ${ASSUMPTIONS.ecrGbPerRepository} GB per repository.`,
    `- Aurora: ${ASSUMPTIONS.auroraStorageGb} GB cluster volume and ${ASSUMPTIONS.auroraIoMillionsPerMonth} million I/O requests a month per cluster (Aurora Standard).`,
    `- Load balancers: ${ASSUMPTIONS.lcuPerLoadBalancer} capacity unit on average; one ALB per Ingress group (or per Ingress without one).`,
    '',
  );

  push('## Not counted', '');
  for (const item of NEVER_COUNTED) push(`- ${item}`);
  for (const item of estimate.notCounted) push(`- \`${item.type}\` (${item.count}): ${item.reason}`);
  push('');

  if (estimate.unpriced.length > 0 || estimate.unknownTypes.length > 0) {
    push('## Not priced', '');
    for (const item of estimate.unpriced) push(`- \`${cell(item.resource)}\`: ${cell(item.reason)}`);
    for (const type of estimate.unknownTypes) push(`- \`${type}\`: a resource type generators/cost/billable-types.ts does not classify`);
    push('');
  }
  return lines.join('\n');
}
