/**
 * COST-001 (warning): the environment's monthly cost estimate (generators/cost, from the same
 * rendered Terraform and Kubernetes documents) is within its budget. The budget is read from the
 * output too: the AWS Budgets budget that `budget.monthlyUsd` generates (MONTHLY, COST, USD), so
 * `pnpm policies` on the committed files judges exactly what synth judged.
 */
import { estimateCost } from '../../generators/cost/estimate.js';
import { costPagePath } from '../../generators/cost/generator.js';
import { usd } from '../../generators/cost/money.js';
import type { Rule } from '../engine/types.js';
import { num } from '../engine/values.js';

/** How many of the largest line items the warning names. */
const NAMED = 3;

export const overBudget: Rule = {
  id: 'COST-001',
  severity: 'warning',
  area: 'cost',
  title: 'Estimated monthly cost within budget',
  checks:
    "The monthly estimate of the environment's generated Terraform and Kubernetes objects (committed price table, stated assumptions, Karpenter headroom excluded) is at most the `limit_amount` of its monthly USD cost budget (`aws_budgets_budget`, from `budget.monthlyUsd`).",
  why: 'A change that takes an environment over its budget should be seen in review, not on the invoice; AWS Budgets only notifies after the money is spent.',
  fix: 'Size the change down (node pools, instance classes, broker or cache counts), or raise `budget.monthlyUsd` in the environment file deliberately; the cost page generated/catalog/cost/<env>.md lists the largest contributors.',
  check: ({ environment, terraform, kubernetes }) => {
    const budgets = terraform
      .resources('aws_budgets_budget')
      .filter((b) => b.attrs.time_unit === 'MONTHLY' && b.attrs.budget_type === 'COST' && b.attrs.limit_unit === 'USD' && num(b.attrs.limit_amount) !== undefined);
    if (budgets.length === 0) return [];
    const estimate = estimateCost({ terraform, kubernetes });
    const largest = [...estimate.items].sort((a, b) => b.monthlyUsd - a.monthlyUsd).slice(0, NAMED);
    const named = largest.map((i) => `${i.resource} ${usd(i.monthlyUsd)}`).join(', ');
    return budgets
      .filter((b) => estimate.monthlyUsd > num(b.attrs.limit_amount)!)
      .map((b) => ({
        file: b.file,
        resource: b.address,
        message: `estimated ${usd(estimate.monthlyUsd)} a month is above the budget of ${usd(num(b.attrs.limit_amount)!)} (budget.monthlyUsd); largest: ${named}${environment ? `; see ${costPagePath(environment)}` : ''}`,
      }));
  },
};
