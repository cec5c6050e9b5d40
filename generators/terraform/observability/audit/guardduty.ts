/**
 * GuardDuty for the account: the detector, the EKS features the environment asks for (audit-log
 * monitoring; runtime monitoring with the agent as a GuardDuty-managed EKS add-on), and an
 * EventBridge rule that sends findings of medium severity and above to the alert topic.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target/index.js';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector/index.js';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature/index.js';
import type { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { naming } from '../../../naming.js';
import type { ObservabilityContext } from '../context.js';

/** GuardDuty severities: low 1–3.9, medium 4–6.9, high 7–8.9, critical 9+. Low findings stay in the console. */
export const GUARDDUTY_MINIMUM_ALERT_SEVERITY = 4;

const status = (enabled: boolean) => (enabled ? 'ENABLED' : 'DISABLED');

export function guardDuty(ctx: ObservabilityContext, topic: SnsTopic): GuarddutyDetector {
  const { stack, env } = ctx;
  const settings = env.operations.audit.guardDuty;
  const detector = new GuarddutyDetector(stack, 'guardduty_detector', {
    enable: true,
    findingPublishingFrequency: settings.findingPublishingFrequency,
  });
  new GuarddutyDetectorFeature(stack, 'guardduty_eks_audit_logs', { detectorId: detector.id, name: 'EKS_AUDIT_LOGS', status: status(settings.eksAuditLogs) });
  new GuarddutyDetectorFeature(stack, 'guardduty_runtime_monitoring', {
    detectorId: detector.id,
    name: 'RUNTIME_MONITORING',
    status: status(settings.eksRuntimeMonitoring),
    additionalConfiguration: [{ name: 'EKS_ADDON_MANAGEMENT', status: status(settings.eksRuntimeMonitoring) }],
  });

  const rule = new CloudwatchEventRule(stack, 'guardduty_findings_rule', {
    name: naming.guardDutyFindingsRule(env.name),
    description: `GuardDuty findings of severity ${GUARDDUTY_MINIMUM_ALERT_SEVERITY} and above to the alert topic`,
    eventPattern: JSON.stringify({
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Finding'],
      detail: { severity: [{ numeric: ['>=', GUARDDUTY_MINIMUM_ALERT_SEVERITY] }] },
    }),
  });
  new CloudwatchEventTarget(stack, 'guardduty_findings_target', { rule: rule.name, targetId: 'alert-topic', arn: topic.arn });
  return detector;
}
