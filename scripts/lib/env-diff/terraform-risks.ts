/**
 * Static destructive-change detection for Terraform, without a plan: deletions, address changes
 * (suggesting a `moved` block), attributes that force replacement of stateful or foundational
 * resources (a curated list for hashicorp/aws 5.x — "may replace": only a plan is authoritative),
 * lowered deletion protection and state backend moves.
 */
import type { DiffEntry } from './diff-entry.js';
import { plainPath } from './paths.js';
import { resourceType } from './terraform-differ.js';
import type { FieldChange, Risk, TerraformItem } from './types.js';
import { code } from './markdown-text.js';

/** Resources whose destruction loses data or takes a whole environment down. */
export const STATEFUL_TYPES = new Set([
  'aws_backup_vault',
  'aws_cloudwatch_log_group',
  'aws_db_instance',
  'aws_dynamodb_table',
  'aws_ebs_volume',
  'aws_ecr_repository',
  'aws_efs_file_system',
  'aws_eks_cluster',
  'aws_elasticache_cluster',
  'aws_elasticache_replication_group',
  'aws_elasticache_serverless_cache',
  'aws_kms_key',
  'aws_msk_cluster',
  'aws_msk_serverless_cluster',
  'aws_opensearch_domain',
  'aws_rds_cluster',
  'aws_route53_zone',
  'aws_s3_bucket',
  'aws_secretsmanager_secret',
  'aws_vpc',
]);

/** Attributes (dot paths, list indexes ignored) whose change forces a new resource in hashicorp/aws 5.x. */
export const REPLACEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
  aws_db_instance: ['identifier', 'identifier_prefix', 'engine', 'username', 'db_name', 'storage_encrypted', 'kms_key_id', 'availability_zone', 'character_set_name', 'timezone', 'snapshot_identifier'],
  aws_dynamodb_table: ['name', 'hash_key', 'range_key'],
  aws_ebs_volume: ['availability_zone', 'encrypted', 'kms_key_id', 'snapshot_id'],
  aws_ecr_repository: ['name'],
  aws_efs_file_system: ['creation_token', 'encrypted', 'kms_key_id', 'performance_mode', 'availability_zone_name'],
  aws_eks_cluster: ['name', 'kubernetes_network_config.service_ipv4_cidr', 'kubernetes_network_config.ip_family'],
  aws_elasticache_cluster: ['cluster_id', 'engine', 'port', 'subnet_group_name', 'availability_zone', 'snapshot_arns', 'snapshot_name'],
  aws_elasticache_replication_group: [
    'replication_group_id',
    'at_rest_encryption_enabled',
    'kms_key_id',
    'subnet_group_name',
    'port',
    'snapshot_arns',
    'snapshot_name',
    'data_tiering_enabled',
    'preferred_cache_cluster_azs',
  ],
  aws_elasticache_serverless_cache: ['name', 'kms_key_id'],
  aws_kms_key: ['customer_master_key_spec', 'key_usage', 'multi_region'],
  aws_msk_cluster: [
    'cluster_name',
    'broker_node_group_info.client_subnets',
    'broker_node_group_info.security_groups',
    'broker_node_group_info.az_distribution',
    'encryption_info.encryption_at_rest_kms_key_arn',
    'encryption_info.encryption_in_transit.in_cluster',
  ],
  aws_msk_serverless_cluster: ['cluster_name', 'vpc_config', 'client_authentication'],
  aws_opensearch_domain: ['domain_name'],
  aws_rds_cluster: [
    'cluster_identifier',
    'cluster_identifier_prefix',
    'engine',
    'engine_mode',
    'database_name',
    'master_username',
    'storage_encrypted',
    'kms_key_id',
    'availability_zones',
    'db_subnet_group_name',
    'snapshot_identifier',
  ],
  aws_rds_cluster_instance: ['identifier', 'identifier_prefix', 'cluster_identifier', 'engine', 'availability_zone', 'db_subnet_group_name'],
  aws_route53_zone: ['name'],
  aws_s3_bucket: ['bucket', 'bucket_prefix', 'object_lock_enabled'],
  aws_secretsmanager_secret: ['name', 'name_prefix'],
  aws_subnet: ['cidr_block', 'availability_zone', 'vpc_id'],
  aws_vpc: ['cidr_block'],
};

function forcesReplacement(type: string, field: FieldChange): string | undefined {
  const path = plainPath(field.path);
  return REPLACEMENT_ATTRIBUTES[type]?.find((attribute) => path === attribute || path.startsWith(`${attribute}.`));
}

/** Protections whose loosening makes a later destroy silent or unrecoverable: [attribute, dangerous value]. */
const PROTECTIONS: [string, boolean][] = [
  ['deletion_protection', false],
  ['force_destroy', true],
  ['skip_final_snapshot', true],
  ['lifecycle.prevent_destroy', false],
];

function loweredProtections(fields: FieldChange[]): string[] {
  return PROTECTIONS.filter(([attribute, unsafe]) =>
    fields.some((f) => f.path === attribute && (f.change === 'removed' ? f.before === !unsafe : f.after === unsafe)),
  ).map(([attribute]) => attribute);
}


function removalRisks(item: TerraformItem, type: string | undefined): Risk[] {
  if (item.address.startsWith('module.')) {
    return [{ severity: 'warning', rule: 'terraform-destroy', message: `${code(item.address)} is removed: Terraform destroys every resource in the module.` }];
  }
  if (!type) return [];
  const stateful = STATEFUL_TYPES.has(type);
  if (item.likelyRenamedTo) {
    return [
      {
        severity: stateful ? 'danger' : 'warning',
        rule: 'terraform-address-change',
        message:
          `${code(item.address)} → ${code(item.likelyRenamedTo)} looks like a rename: without a \`moved\` block Terraform destroys and re-creates it. ` +
          `Add \`moved { from = ${item.address} to = ${item.likelyRenamedTo} }\` (cdktf: \`.moveFromId("${item.address}")\` on the new resource).`,
      },
    ];
  }
  return [
    stateful
      ? { severity: 'danger', rule: 'terraform-destroy', message: `${code(item.address)} is destroyed: a stateful resource, its data is lost unless it is backed up.` }
      : { severity: 'warning', rule: 'terraform-destroy', message: `${code(item.address)} is destroyed.` },
  ];
}

export function terraformRisks(entry: DiffEntry<TerraformItem>): Risk[] {
  const { item } = entry;
  const type = resourceType(item.address);
  if (item.change === 'removed') return removalRisks(item, type);
  if (item.change !== 'changed') return [];
  const risks: Risk[] = [];
  const replacing = type ? [...new Set(item.fields.map((f) => forcesReplacement(type, f)).filter((a) => a !== undefined))] : [];
  if (replacing.length > 0) {
    risks.push({
      severity: 'danger',
      rule: 'terraform-replace',
      message: `${code(item.address)} may be replaced (destroyed, then created): ${replacing.map(code).join(', ')} forces a new resource. Check the Atlantis plan.`,
    });
  }
  const lowered = loweredProtections(item.fields);
  if (lowered.length > 0) {
    risks.push({ severity: 'warning', rule: 'terraform-protection-lowered', message: `${code(item.address)} loses its protection against deletion: ${lowered.map(code).join(', ')}.` });
  }
  if (item.address === 'terraform' && item.fields.some((f) => f.path.startsWith('backend'))) {
    risks.push({ severity: 'warning', rule: 'terraform-backend-change', message: 'The state backend changes: the state must be migrated (`terraform init -migrate-state`) before this stack plans.' });
  }
  return risks;
}
