/**
 * The account's audit: its CloudTrail trail and GuardDuty detector, created by the one environment
 * of the account that owns them (operations.audit.accountAuditFrom omitted). Another environment of
 * the same account reads the owner's observability state instead, so its plan names where its
 * audit lives (policy AUDIT-001 accepts either).
 */
import { DataTerraformRemoteStateS3 } from 'cdktf';
import type { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { backendConfig } from '../../stack.js';
import type { ObservabilityContext } from '../context.js';
import { guardDuty } from './guardduty.js';
import { accountTrail } from './trail.js';

/** Id of the remote-state read of the environment that owns the account's audit. */
export const ACCOUNT_AUDIT_STATE = 'account_audit';

/** Outputs of the audit, for the stack's outputs. */
export function accountAudit(ctx: ObservabilityContext, topic: SnsTopic): Record<string, { value: unknown; description: string }> {
  const owner = ctx.env.operations.audit.accountAuditFrom;
  if (owner === undefined) {
    const trail = accountTrail(ctx);
    const detector = guardDuty(ctx, topic);
    return {
      audit_trail_arn: { value: trail.arn, description: "The account's CloudTrail trail" },
      guardduty_detector_id: { value: detector.id, description: "The account's GuardDuty detector" },
    };
  }
  const ownerState = new DataTerraformRemoteStateS3(ctx.stack, ACCOUNT_AUDIT_STATE, backendConfig({ ...ctx.env, name: owner }, 'observability'));
  return {
    audit_trail_arn: { value: ownerState.getString('audit_trail_arn'), description: `The account's CloudTrail trail (created by ${owner})` },
    guardduty_detector_id: { value: ownerState.getString('guardduty_detector_id'), description: `The account's GuardDuty detector (created by ${owner})` },
  };
}
