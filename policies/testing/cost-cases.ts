/** COST-001 fixtures: an EKS cluster and a NAT gateway in eu-west-1 ($73.00 + $35.04 a month) against a budget. */
import { overBudget } from '../cost/over-budget.js';
import type { PolicyFile } from '../engine/documents.js';
import type { RuleCase } from './run-rule.js';

// Deliberately not one of the repository's environments: the rule treats the name as data.
const ENV = 'fixture';
const CLUSTER = `generated/terraform/${ENV}/cluster/main.tf.json`;
const OBSERVABILITY = `generated/terraform/${ENV}/observability/main.tf.json`;

const stack = (path: string, resource: Record<string, unknown>): PolicyFile => ({
  path,
  environment: ENV,
  content: { format: 'json', value: { provider: { aws: [{ region: 'eu-west-1' }] }, resource } },
});

const budget = (limit: string, quarterly?: string) =>
  stack(OBSERVABILITY, {
    aws_budgets_budget: {
      budget_monthly: { budget_type: 'COST', limit_amount: limit, limit_unit: 'USD', time_unit: 'MONTHLY' },
      ...(quarterly ? { budget_quarterly: { budget_type: 'COST', limit_amount: quarterly, limit_unit: 'USD', time_unit: 'QUARTERLY' } } : {}),
    },
  });
const running = () => stack(CLUSTER, { aws_eks_cluster: { eks_cluster: { name: 'x' } }, aws_nat_gateway: { nat: {} } });

export const costCases: RuleCase[] = [
  {
    rule: overBudget,
    name: 'a $108.04 estimate against a $100 monthly budget (a $100 quarterly one is not compared)',
    pass: () => [running(), budget('108.04', '100.00')],
    fail: () => [running(), budget('100.00')],
    expected: [
      {
        file: OBSERVABILITY,
        resource: 'aws_budgets_budget.budget_monthly',
        message: `estimated $108.04 a month is above the budget of $100.00 (budget.monthlyUsd); largest: cluster aws_eks_cluster.eks_cluster $73.00, cluster aws_nat_gateway.nat $35.04; see generated/catalog/cost/${ENV}.md`,
      },
    ],
  },
];
