/**
 * Application Load Balancers. The AWS Load Balancer Controller creates them from Ingresses, so
 * Terraform knows neither their names nor the `app/<name>/<id>` LoadBalancer dimension, and a data
 * source lookup would need AWS at plan time. These alarms are CloudWatch Metrics Insights queries
 * over every ALB of the account and region (the environment's account): they need no name, survive
 * the controller replacing a load balancer, and cover Ingresses added later. The counters are
 * published only when a response is counted: no data is no errors.
 */
import type { AlarmSpec } from './alarm.js';
import type { AlarmInputs } from './inputs.js';

const ALB = 'SCHEMA("AWS/ApplicationELB", LoadBalancer)';
const ALB_TARGETS = 'SCHEMA("AWS/ApplicationELB", LoadBalancer, TargetGroup)';

export function loadBalancerAlarms({ env }: AlarmInputs): AlarmSpec[] {
  const errors = env.operations.alarms.loadBalancer5xx;
  return [
    {
      id: 'alarm_alb_elb_5xx',
      name: 'alb-elb-5xx',
      description: `Load balancers answered more than ${errors} 5xx themselves in 5 minutes (no healthy target, target unreachable)`,
      query: `SELECT SUM(HTTPCode_ELB_5XX_Count) FROM ${ALB}`,
      threshold: errors,
      missingData: 'notBreaching',
      evaluationPeriods: 1,
    },
    {
      id: 'alarm_alb_target_5xx',
      name: 'alb-target-5xx',
      description: `Targets behind the load balancers answered more than ${errors} 5xx in 5 minutes`,
      query: `SELECT SUM(HTTPCode_Target_5XX_Count) FROM ${ALB}`,
      threshold: errors,
      missingData: 'notBreaching',
      evaluationPeriods: 1,
    },
    {
      id: 'alarm_alb_unhealthy_targets',
      name: 'alb-unhealthy-targets',
      description: 'A load balancer target group has unhealthy targets',
      query: `SELECT MAX(UnHealthyHostCount) FROM ${ALB_TARGETS}`,
      threshold: 0,
      missingData: 'notBreaching',
    },
  ];
}
