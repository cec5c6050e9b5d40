/**
 * Every Terraform resource type the generators emit (and some they are likely to), by how the
 * estimate treats it. The invariant in tests/invariants/cost.test.ts fails when generated Terraform
 * holds a type listed nowhere here: a new billable resource cannot slip past the estimate unnoticed.
 */

/** Types with line items in the estimate (terraform-costs.ts). */
export const PRICED_TYPES = [
  'aws_cloudwatch_log_group',
  'aws_cloudwatch_metric_alarm',
  'aws_ecr_repository',
  'aws_eip',
  'aws_eks_cluster',
  'aws_eks_node_group',
  'aws_elasticache_replication_group',
  'aws_kms_key',
  'aws_kms_replica_key',
  'aws_lb',
  'aws_msk_cluster',
  'aws_nat_gateway',
  'aws_rds_cluster',
  'aws_rds_cluster_instance',
  'aws_route53_zone',
  'aws_s3_bucket',
  'aws_secretsmanager_secret',
  'aws_vpc_endpoint',
] as const;

/** Billed by usage only (requests, events, data scanned or transferred): named as not counted on the cost pages. */
export const USAGE_BILLED_TYPES: Readonly<Record<string, string>> = {
  aws_acm_certificate: 'public certificates are free',
  aws_backup_plan: 'backup storage and restores are billed by usage',
  aws_backup_vault: 'backup storage is billed by usage',
  aws_backup_selection: 'a selection only names what a plan backs up',
  aws_budgets_budget: 'the first two budgets of an account are free',
  aws_cloudtrail: 'the first copy of management events is free; data events are billed per event',
  aws_cloudwatch_dashboard: 'the first three dashboards are free',
  aws_cloudwatch_event_rule: 'AWS service events on the default bus are free',
  aws_cloudwatch_log_subscription_filter: 'billed as the data its destination receives',
  aws_eks_addon: 'EKS add-ons are free; they run on the nodes',
  aws_flow_log: 'billed as CloudWatch Logs ingestion of its log group (counted there)',
  aws_guardduty_detector: 'billed per event and GB analysed',
  aws_guardduty_detector_feature: 'billed per event and GB analysed',
  aws_lambda_function: 'billed per request and GB-second',
  aws_route53_record: 'billed per query',
  aws_s3_bucket_replication_configuration: 'billed as replicated storage and data transfer',
  aws_secretsmanager_secret_rotation: 'rotation is billed as the Lambda and API calls it makes',
  aws_secretsmanager_secret_version: 'included in the secret',
  aws_sns_topic: 'billed per request and delivery',
  aws_sns_topic_subscription: 'billed per delivery',
  aws_sqs_queue: 'billed per request',
};

/** Configuration with no charge of its own. */
export const FREE_TYPES = [
  'aws_db_subnet_group',
  'aws_default_security_group',
  'aws_ebs_default_kms_key',
  'aws_ebs_encryption_by_default',
  'aws_cloudwatch_event_target',
  'aws_ec2_tag',
  'aws_ecr_lifecycle_policy',
  'aws_eks_access_entry',
  'aws_eks_access_policy_association',
  'aws_eks_pod_identity_association',
  'aws_elasticache_parameter_group',
  'aws_elasticache_subnet_group',
  'aws_iam_openid_connect_provider',
  'aws_iam_policy',
  'aws_iam_role',
  'aws_iam_role_policy',
  'aws_iam_role_policy_attachment',
  'aws_internet_gateway',
  'aws_kms_alias',
  'aws_lambda_permission',
  'aws_launch_template',
  'aws_lb_listener',
  'aws_lb_target_group',
  'aws_msk_configuration',
  'aws_rds_cluster_parameter_group',
  'aws_route',
  'aws_route53_zone_association',
  'aws_route_table',
  'aws_route_table_association',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_versioning',
  'aws_security_group',
  'aws_security_group_rule',
  'aws_sns_topic_policy',
  'aws_sqs_queue_policy',
  'aws_subnet',
  'aws_vpc',
  'aws_vpc_security_group_egress_rule',
  'aws_vpc_security_group_ingress_rule',
] as const;

export type TypeTreatment = 'priced' | 'usage' | 'free' | 'unknown';

export function typeTreatment(type: string): TypeTreatment {
  if ((PRICED_TYPES as readonly string[]).includes(type)) return 'priced';
  if (type in USAGE_BILLED_TYPES) return 'usage';
  if ((FREE_TYPES as readonly string[]).includes(type)) return 'free';
  return 'unknown';
}
