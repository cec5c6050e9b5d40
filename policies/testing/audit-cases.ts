/**
 * Fixtures of the audit rules (TF-030, TF-031): the observability stack exactly as the generator
 * builds it for prod (the environment that owns its account's audit), and variants changing one thing.
 */
import type { GeneratedFile } from '../../generators/document.js';
import { stackFile } from '../../generators/terraform/stack.js';
import { observabilityStack } from '../../generators/terraform/observability.js';
import { accountTrail } from '../audit/cloudtrail.js';
import { guardDutyFindings } from '../audit/guardduty.js';
import type { Finding } from '../engine/types.js';
import type { RuleCase } from './run-rule.js';
import { changed, environment, type Json } from './terraform-fixtures.js';

const FILE = 'generated/terraform/prod/observability/main.tf.json';
const at = (resource: string, message: string): Finding => ({ file: FILE, resource, message });

let stack: GeneratedFile | undefined;
/** The generated prod observability stack, built once. */
function observability(): GeneratedFile {
  stack ??= stackFile(observabilityStack(environment('prod')), 'terraform/observability', []);
  return stack;
}
const variant = (change: (json: Json) => void) => [changed(observability(), change)];

/** What another environment of the same account reads instead of creating the trail and detector. */
function sharingTheAccount(json: Json): void {
  delete json.resource.aws_cloudtrail;
  delete json.resource.aws_guardduty_detector;
  json.data.terraform_remote_state.account_audit = { backend: 's3', config: { bucket: 'platform-tfstate-333333333333', key: 'dev/observability/terraform.tfstate' } };
}

export const auditCases: RuleCase[] = [
  {
    rule: accountTrail,
    name: 'trail without multi-region, log file validation and KMS',
    pass: () => [observability()],
    fail: () =>
      variant((j) => {
        const trail = j.resource.aws_cloudtrail.audit_trail;
        trail.is_multi_region_trail = false;
        delete trail.enable_log_file_validation;
        delete trail.kms_key_id;
      }),
    expected: [
      at('aws_cloudtrail.audit_trail', 'is_multi_region_trail is not true'),
      at('aws_cloudtrail.audit_trail', 'enable_log_file_validation is not true'),
      at('aws_cloudtrail.audit_trail', 'no kms_key_id'),
    ],
  },
  {
    rule: accountTrail,
    name: 'no trail, and no account_audit state of the environment that has it',
    pass: () => variant(sharingTheAccount),
    fail: () => variant((j) => delete j.resource.aws_cloudtrail),
    expected: [at('aws_cloudtrail', "no CloudTrail trail in the environment and no account_audit state naming the environment that creates the account's trail")],
  },
  {
    rule: guardDutyFindings,
    name: 'detector disabled, findings routed nowhere',
    pass: () => [observability()],
    fail: () =>
      variant((j) => {
        j.resource.aws_guardduty_detector.guardduty_detector.enable = false;
        delete j.resource.aws_cloudwatch_event_target;
      }),
    expected: [
      at('aws_guardduty_detector.guardduty_detector', 'enable is false'),
      at('aws_guardduty_detector.guardduty_detector', 'no EventBridge rule for aws.guardduty events with a target on an SNS topic'),
    ],
  },
  {
    rule: guardDutyFindings,
    name: 'no detector, and no account_audit state',
    pass: () => variant(sharingTheAccount),
    fail: () => variant((j) => delete j.resource.aws_guardduty_detector),
    expected: [at('aws_guardduty_detector', 'no GuardDuty detector in the environment and no account_audit state naming the environment that creates it')],
  },
];
