/**
 * One CloudWatch alarm notifying the alert topic on ALARM and OK. What happens when the metric is
 * missing is chosen per alarm: `missing` for gauges AWS publishes continuously while the resource
 * exists (silence shows as INSUFFICIENT_DATA rather than a page during creation or replacement),
 * `notBreaching` for counters AWS publishes only when something happens (5xx, dropped packets).
 */
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js';
import type { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import type { ObservabilityContext } from '../context.js';

export const PERIOD_SECONDS = 300;
const EVALUATION_PERIODS = 3;

export type MissingData = 'missing' | 'notBreaching';

interface AlarmBase {
  id: string;
  name: string;
  description: string;
  comparison?: 'GreaterThanThreshold' | 'LessThanThreshold';
  threshold: number;
  missingData: MissingData;
  /** Consecutive 5-minute periods before the alarm fires (default 3). */
  evaluationPeriods?: number;
}

/** An alarm on one metric with known dimensions (they must be exactly those AWS publishes). */
export interface MetricAlarm extends AlarmBase {
  namespace: string;
  metric: string;
  dimensions: Record<string, string>;
  statistic?: 'Average' | 'Sum' | 'Maximum' | 'Minimum';
}

/** An alarm on a CloudWatch Metrics Insights query, for resources Terraform does not name (ALBs of the load-balancer controller). */
export interface QueryAlarm extends AlarmBase {
  query: string;
}

export type AlarmSpec = MetricAlarm | QueryAlarm;

export function alarm(ctx: ObservabilityContext, topic: SnsTopic, spec: AlarmSpec): void {
  const common = {
    alarmName: `${ctx.prefix}-${spec.name}`,
    alarmDescription: spec.description,
    evaluationPeriods: spec.evaluationPeriods ?? EVALUATION_PERIODS,
    comparisonOperator: spec.comparison ?? 'GreaterThanThreshold',
    threshold: spec.threshold,
    treatMissingData: spec.missingData,
    alarmActions: [topic.arn],
    okActions: [topic.arn],
  };
  if ('query' in spec) {
    new CloudwatchMetricAlarm(ctx.stack, spec.id, {
      ...common,
      metricQuery: [{ id: 'q1', expression: spec.query, period: PERIOD_SECONDS, returnData: true, label: spec.name }],
    });
    return;
  }
  new CloudwatchMetricAlarm(ctx.stack, spec.id, {
    ...common,
    namespace: spec.namespace,
    metricName: spec.metric,
    dimensions: spec.dimensions,
    statistic: spec.statistic ?? 'Average',
    period: PERIOD_SECONDS,
  });
}
