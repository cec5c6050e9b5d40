/** TF-030: every environment's account has a multi-region, validated, KMS-encrypted CloudTrail trail. */
import type { Rule } from '../engine/types.js';
import { isTrue, str } from '../engine/values.js';
import { blockFinding } from '../terraform/finding.js';
import { auditFile, readsAccountAudit } from './account-audit.js';

export const accountTrail: Rule = {
  id: 'TF-030',
  severity: 'error',
  area: 'terraform',
  title: 'Account audit trail',
  checks:
    'An environment with Terraform has an `aws_cloudtrail`, or reads its account\'s audit (`terraform_remote_state.account_audit` of another environment\'s observability stack). Every trail has `is_multi_region_trail`, `include_global_service_events` and `enable_log_file_validation` true, a `kms_key_id` and CloudWatch Logs delivery (`cloud_watch_logs_group_arn` and `cloud_watch_logs_role_arn`).',
  why: 'Without a trail no one can say who changed or read what in the account; a single-region trail misses activity in other regions, unvalidated log files can be altered unnoticed, and unencrypted ones are readable by anyone who can read the bucket.',
  fix: "Keep `operations.audit` of the environment: the environment that owns the account's audit creates the trail (observability stack); another environment of the same account sets `accountAuditFrom`.",
  check: ({ terraform }) => {
    const trails = terraform.resources('aws_cloudtrail');
    const file = auditFile(terraform);
    if (trails.length === 0) {
      return file === undefined || readsAccountAudit(terraform)
        ? []
        : [{ file, resource: 'aws_cloudtrail', message: "no CloudTrail trail in the environment and no account_audit state naming the environment that creates the account's trail" }];
    }
    return trails.flatMap((trail) => {
      const missing = [
        ...['is_multi_region_trail', 'include_global_service_events', 'enable_log_file_validation'].filter((a) => !isTrue(trail.attrs[a])).map((a) => `${a} is not true`),
        ...['kms_key_id', 'cloud_watch_logs_group_arn', 'cloud_watch_logs_role_arn'].filter((a) => !str(trail.attrs[a])).map((a) => `no ${a}`),
      ];
      return missing.map((message) => blockFinding(trail, message));
    });
  },
};
