/** TF-008: every VPC records all its traffic in flow logs. */
import type { Rule } from '../engine/types.js';
import { blockFinding } from './finding.js';

export const flowLogs: Rule = {
  id: 'TF-008',
  severity: 'error',
  area: 'terraform',
  title: 'VPC flow logs on',
  checks: 'Every `aws_vpc` has an `aws_flow_log` (in any stack of the environment) whose `vpc_id` refers to it and whose `traffic_type` is `ALL`.',
  why: 'Flow logs are the only record of who talked to what when investigating an incident; accepted traffic matters as much as rejected.',
  fix: 'Add an `aws_flow_log` with `traffic_type = "ALL"` for the VPC (the network stack does this).',
  check: ({ terraform }) =>
    terraform
      .resources('aws_vpc')
      .filter((vpc) => !terraform.resources('aws_flow_log').some((f) => f.attrs.traffic_type === 'ALL' && terraform.refersTo(f.attrs.vpc_id, f.stack, vpc)))
      .map((vpc) => blockFinding(vpc, 'no aws_flow_log with traffic_type ALL for this VPC')),
};
