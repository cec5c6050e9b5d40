/** TF-001: data stores declare encryption at rest. */
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';
import type { Rule } from '../engine/types.js';
import { at, blocks, isTrue, str, strings } from '../engine/values.js';
import { checkEachType, type BlockCheck } from './finding.js';
import { bucketConfigurations } from './s3.js';

const S3_ALGORITHMS = ['aws:kms', 'aws:kms:dsse', 'AES256'];

function s3Problems(bucket: TerraformBlock, tf: TerraformEnvironment): string[] {
  const rules = [
    ...bucketConfigurations(tf, bucket, 'aws_s3_bucket_server_side_encryption_configuration').flatMap((c) => blocks(c.attrs.rule)),
    ...blocks(bucket.attrs.server_side_encryption_configuration).flatMap((c) => blocks(c.rule)),
  ];
  const encrypted = rules.some((r) => blocks(r.apply_server_side_encryption_by_default).some((d) => S3_ALGORITHMS.includes(str(d.sse_algorithm) ?? '')));
  return encrypted ? [] : ['no aws_s3_bucket_server_side_encryption_configuration with an SSE algorithm for this bucket'];
}

/** EBS volumes that follow the account default are encrypted only if the environment turns that default on. */
const defaultEbsEncryption = (tf: TerraformEnvironment) => tf.resources('aws_ebs_encryption_by_default').some((r) => r.attrs.enabled !== false && r.attrs.enabled !== 'false');

function launchTemplateProblems(template: TerraformBlock, tf: TerraformEnvironment): string[] {
  const mappings = blocks(template.attrs.block_device_mappings);
  if (mappings.length === 0) return defaultEbsEncryption(tf) ? [] : ['no block_device_mappings: the root volume follows the AMI and is not declared encrypted'];
  return mappings
    .filter((m) => blocks(m.ebs).length > 0 && !blocks(m.ebs).every((ebs) => isTrue(ebs.encrypted)))
    .map((m) => `block device ${str(m.device_name) ?? '<unnamed>'} is not encrypted`);
}

const CHECKS: Record<string, BlockCheck> = {
  aws_s3_bucket: s3Problems,
  aws_rds_cluster: (b) => (isTrue(b.attrs.storage_encrypted) ? [] : ['storage_encrypted is not true']),
  aws_db_instance: (b) => (isTrue(b.attrs.storage_encrypted) ? [] : ['storage_encrypted is not true']),
  aws_elasticache_replication_group: (b) => (isTrue(b.attrs.at_rest_encryption_enabled) ? [] : ['at_rest_encryption_enabled is not true']),
  // A standalone Redis cluster cannot encrypt at rest; it must be part of a replication group.
  aws_elasticache_cluster: (b) =>
    str(b.attrs.engine) === 'redis' && b.attrs.replication_group_id === undefined ? ['a standalone Redis cluster cannot encrypt at rest; use a replication group'] : [],
  aws_msk_cluster: (b) =>
    str(at(blocks(b.attrs.encryption_info)[0], 'encryption_at_rest_kms_key_arn')) ? [] : ['encryption_info.encryption_at_rest_kms_key_arn is not set'],
  aws_ebs_volume: (b) => (isTrue(b.attrs.encrypted) ? [] : ['encrypted is not true']),
  aws_launch_template: launchTemplateProblems,
  aws_instance: (b, tf) => {
    const devices = [...blocks(b.attrs.root_block_device), ...blocks(b.attrs.ebs_block_device)];
    if (devices.length === 0) return defaultEbsEncryption(tf) ? [] : ['no root_block_device: the root volume is not declared encrypted'];
    return devices.every((d) => isTrue(d.encrypted)) ? [] : ['a block device is not encrypted'];
  },
  aws_eks_node_group: (b, tf) =>
    blocks(b.attrs.launch_template).length > 0 || defaultEbsEncryption(tf) ? [] : ['no launch_template: node volumes are not declared encrypted'],
  aws_eks_cluster: (b) => {
    const secrets = blocks(b.attrs.encryption_config).some((c) => strings(c.resources).includes('secrets') && str(at(blocks(c.provider)[0], 'key_arn')));
    return secrets ? [] : ['no encryption_config with a KMS key for "secrets"'];
  },
};

export const encryptionAtRest: Rule = {
  id: 'TF-001',
  severity: 'error',
  area: 'terraform',
  title: 'Encryption at rest',
  checks:
    'Encryption at rest is declared, never left to a default: S3 buckets have a server-side encryption configuration; Aurora/RDS `storage_encrypted`; ElastiCache replication groups `at_rest_encryption_enabled` (no standalone Redis clusters); MSK a KMS key for at-rest encryption; EBS volumes, launch template block devices and instance volumes `encrypted` (or `aws_ebs_encryption_by_default` in the environment for volumes that follow the default); EKS `encryption_config` for secrets with a KMS key.',
  why: 'Disks, snapshots and backups leave the running system (support cases, shared snapshots, decommissioned hardware); encryption with keys we control keeps the data unreadable there.',
  fix: 'Set the attribute named in the message; use the environment\'s KMS keys from the data or cluster stack.',
  check: ({ terraform }) => checkEachType(terraform, CHECKS),
};
