/** The environment's monthly cost budget (its account is the environment), notifying the alert topic at the configured percentages. */
import { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget/index.js';
import type { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import type { ObservabilityContext } from './context.js';

export function monthlyBudget(ctx: ObservabilityContext, topic: SnsTopic): void {
  const { stack, env, prefix } = ctx;
  new BudgetsBudget(stack, 'budget_monthly', {
    name: `${prefix}-monthly`,
    budgetType: 'COST',
    limitAmount: env.budget.monthlyUsd.toFixed(2),
    limitUnit: 'USD',
    timeUnit: 'MONTHLY',
    notification: env.budget.notifyAtPercent.map((percent) => ({
      comparisonOperator: 'GREATER_THAN',
      notificationType: 'ACTUAL',
      threshold: percent,
      thresholdType: 'PERCENTAGE',
      subscriberSnsTopicArns: [topic.arn],
    })),
  });
}
