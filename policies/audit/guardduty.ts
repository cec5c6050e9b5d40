/** TF-031: every environment's account runs GuardDuty, and its findings reach an SNS topic. */
import type { Rule } from '../engine/types.js';
import { isDict, str } from '../engine/values.js';
import { blockFinding } from '../terraform/finding.js';
import { auditFile, readsAccountAudit } from './account-audit.js';

const FINDINGS_SOURCE = 'aws.guardduty';

/** Whether an EventBridge rule's pattern selects GuardDuty events. */
function matchesGuardDuty(pattern: unknown): boolean {
  try {
    const parsed: unknown = JSON.parse(str(pattern) ?? 'null');
    const source = isDict(parsed) ? parsed.source : undefined;
    return Array.isArray(source) && source.includes(FINDINGS_SOURCE);
  } catch {
    return false;
  }
}

export const guardDutyFindings: Rule = {
  id: 'TF-031',
  severity: 'error',
  area: 'terraform',
  title: 'GuardDuty on, findings alert',
  checks:
    "An environment with Terraform has an enabled `aws_guardduty_detector` and an `aws_cloudwatch_event_rule` whose `event_pattern` source is `aws.guardduty` with an `aws_cloudwatch_event_target` sending it to an `aws_sns_topic`, or reads its account's audit (`terraform_remote_state.account_audit`). A detector with `enable = false` fails.",
  why: 'GuardDuty detects compromised credentials, crypto-mining and suspicious Kubernetes activity; a finding nobody is told about is a finding nobody acts on.',
  fix: "Keep `operations.audit.guardDuty` of the environment that owns the account's audit (observability stack); another environment of the same account sets `accountAuditFrom`.",
  check: ({ terraform }) => {
    const detectors = terraform.resources('aws_guardduty_detector');
    const file = auditFile(terraform);
    if (detectors.length === 0) {
      return file === undefined || readsAccountAudit(terraform)
        ? []
        : [{ file, resource: 'aws_guardduty_detector', message: 'no GuardDuty detector in the environment and no account_audit state naming the environment that creates it' }];
    }
    const disabled = detectors.filter((d) => d.attrs.enable === false || d.attrs.enable === 'false').map((d) => blockFinding(d, 'enable is false'));
    const topics = terraform.resources('aws_sns_topic');
    const routed = terraform
      .resources('aws_cloudwatch_event_rule')
      .filter((rule) => matchesGuardDuty(rule.attrs.event_pattern))
      .some((rule) =>
        terraform
          .resources('aws_cloudwatch_event_target')
          .some((t) => terraform.refersTo(t.attrs.rule, t.stack, rule) && topics.some((topic) => terraform.refersTo(t.attrs.arn, t.stack, topic))),
      );
    return [...disabled, ...(routed ? [] : detectors.slice(0, 1).map((d) => blockFinding(d, 'no EventBridge rule for aws.guardduty events with a target on an SNS topic')))];
  },
};
