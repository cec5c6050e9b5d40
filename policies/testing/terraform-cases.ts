/**
 * Table of Terraform rule fixtures. Most start from the compliant cdktf-built data stack and
 * change one thing; shapes it lacks (listeners, inline rules, remote state) are written by hand
 * in the JSON cdktf would emit.
 */
import type { GeneratedFile } from '../../generators/document.js';
import type { Finding } from '../engine/types.js';
import { encryptionAtRest } from '../terraform/encryption-at-rest.js';
import { encryptionInTransit } from '../terraform/encryption-in-transit.js';
import { flowLogs } from '../terraform/flow-logs.js';
import { kmsKeyRotation } from '../terraform/kms-key-rotation.js';
import { noAdminIam } from '../terraform/no-admin-iam.js';
import { noOpenIngress } from '../terraform/no-open-ingress.js';
import { noPublicDatabase } from '../terraform/no-public-database.js';
import { prodBackupRetention } from '../terraform/prod-backup-retention.js';
import { prodDeletionProtection } from '../terraform/prod-deletion-protection.js';
import { prodMultiAz } from '../terraform/prod-multi-az.js';
import { requiredTags } from '../terraform/required-tags.js';
import { s3PublicAccessBlock } from '../terraform/s3-public-access-block.js';
import type { RuleCase } from './run-rule.js';
import { changed, compliantDataStack, stackJson, type Json } from './terraform-fixtures.js';

const FILE = 'generated/terraform/prod/data/main.tf.json';
const at = (resource: string, message: string, file = FILE): Finding => ({ file, resource, message });

const stacks = new Map<string, GeneratedFile>();
/** The compliant stack of an environment, built once (cdktf synthesis is the slow part). */
export function base(env: 'dev' | 'prod' = 'prod'): GeneratedFile {
  if (!stacks.has(env)) stacks.set(env, compliantDataStack(env));
  return stacks.get(env)!;
}
const variant = (change: (json: Json) => void, env: 'dev' | 'prod' = 'prod') => [changed(base(env), change)];

/** A listener as cdktf emits it (default_action is a list block). */
const listener = (action: Json) => ({ load_balancer_arn: '${aws_lb.public.arn}', port: 80, protocol: 'HTTP', default_action: [action] });

export const terraformCases: RuleCase[] = [
  {
    rule: encryptionAtRest,
    name: 'bucket, cluster, launch template and EKS secrets unencrypted',
    pass: () => [base()],
    fail: () =>
      variant((j) => {
        delete j.resource.aws_s3_bucket_server_side_encryption_configuration;
        j.resource.aws_rds_cluster.postgres.storage_encrypted = false;
        j.resource.aws_launch_template.nodes_apps.block_device_mappings[0].ebs.encrypted = 'false';
        delete j.resource.aws_eks_cluster.eks.encryption_config;
      }),
    expected: [
      at('aws_s3_bucket.bucket_raw', 'no aws_s3_bucket_server_side_encryption_configuration with an SSE algorithm for this bucket'),
      at('aws_rds_cluster.postgres', 'storage_encrypted is not true'),
      at('aws_launch_template.nodes_apps', 'block device /dev/xvda is not encrypted'),
      at('aws_eks_cluster.eks', 'no encryption_config with a KMS key for "secrets"'),
    ],
  },
  {
    rule: encryptionAtRest,
    name: 'launch template without block devices, unless EBS encryption by default is on',
    pass: () =>
      variant((j) => {
        delete j.resource.aws_launch_template.nodes_apps.block_device_mappings;
        j.resource.aws_ebs_encryption_by_default = { default: { enabled: true } };
      }),
    fail: () =>
      variant((j) => {
        delete j.resource.aws_launch_template.nodes_apps.block_device_mappings;
      }),
    expected: [at('aws_launch_template.nodes_apps', 'no block_device_mappings: the root volume follows the AMI and is not declared encrypted')],
  },
  {
    rule: encryptionInTransit,
    name: 'Redis, MSK, PostgreSQL and S3 accept plaintext',
    pass: () => [base()],
    fail: () =>
      variant((j) => {
        j.resource.aws_elasticache_replication_group.redis.transit_encryption_enabled = false;
        j.resource.aws_msk_cluster.kafka.encryption_info.encryption_in_transit.client_broker = 'TLS_PLAINTEXT';
        j.resource.aws_rds_cluster_parameter_group.postgres_parameters.parameter = [];
        delete j.resource.aws_s3_bucket_policy;
      }),
    expected: [
      at('aws_elasticache_replication_group.redis', 'transit_encryption_enabled is not true'),
      at('aws_msk_cluster.kafka', 'client_broker is TLS_PLAINTEXT, not TLS'),
      at('aws_rds_cluster.postgres', 'db_cluster_parameter_group_name does not name an aws_rds_cluster_parameter_group of this environment that sets rds.force_ssl = 1'),
      at('aws_s3_bucket.bucket_raw', 'no bucket policy denies requests without TLS (Deny s3:* when aws:SecureTransport is false)'),
    ],
  },
  {
    rule: encryptionInTransit,
    name: 'HTTP listener that forwards instead of redirecting',
    pass: () => [stackJson('prod', 'edge', { resource: { aws_lb_listener: { http: listener({ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' } }) } } })],
    fail: () => [stackJson('prod', 'edge', { resource: { aws_lb_listener: { http: listener({ type: 'forward', target_group_arn: '${aws_lb_target_group.web.arn}' }) } } })],
    expected: [at('aws_lb_listener.http', 'plain HTTP listener that does not redirect to HTTPS', 'generated/terraform/prod/edge/main.tf.json')],
  },
  {
    rule: s3PublicAccessBlock,
    name: 'public access block that does not restrict public buckets',
    pass: () => [base()],
    fail: () =>
      variant((j) => {
        j.resource.aws_s3_bucket_public_access_block.bucket_raw_public_access.restrict_public_buckets = false;
      }),
    expected: [at('aws_s3_bucket.bucket_raw', 'public access block does not set restrict_public_buckets to true')],
  },
  {
    rule: s3PublicAccessBlock,
    name: 'no public access block, unless the account blocks public access',
    pass: () =>
      variant((j) => {
        delete j.resource.aws_s3_bucket_public_access_block;
        j.resource.aws_s3_account_public_access_block = {
          account: { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
        };
      }),
    fail: () =>
      variant((j) => {
        delete j.resource.aws_s3_bucket_public_access_block;
      }),
    expected: [at('aws_s3_bucket.bucket_raw', 'no aws_s3_bucket_public_access_block for this bucket')],
  },
  {
    rule: noPublicDatabase,
    name: 'publicly accessible Aurora instance',
    pass: () => [base()],
    fail: () =>
      variant((j) => {
        j.resource.aws_rds_cluster_instance.postgres_1.publicly_accessible = true;
      }),
    expected: [at('aws_rds_cluster_instance.postgres_1', 'publicly_accessible is true')],
  },
  {
    rule: noOpenIngress,
    name: 'HTTPS from anywhere into the node group, all ports from anywhere inline',
    // The fixture already opens 443 to the world on the load-balancer group: allowed.
    pass: () => [base()],
    fail: () => [
      ...variant((j) => {
        j.resource.aws_vpc_security_group_ingress_rule.nodes_from_vpc.cidr_ipv4 = '0.0.0.0/0';
      }),
      stackJson('prod', 'legacy', {
        resource: { aws_security_group: { open: { name: 'open', ingress: [{ from_port: 0, to_port: 65535, protocol: '-1', cidr_blocks: [], ipv6_cidr_blocks: ['::/0'] }] } } },
      }),
    ],
    expected: [
      at('aws_security_group.open', 'ingress from ::/0 on ports 0-65535 (protocol -1)', 'generated/terraform/prod/legacy/main.tf.json'),
      at('aws_vpc_security_group_ingress_rule.nodes_from_vpc', 'ingress from 0.0.0.0/0 on port 443 (protocol tcp)'),
    ],
  },
  {
    rule: noAdminIam,
    name: 'jsonencode, JSON string and data source granting everything, unreadable policy',
    pass: () => [base()],
    fail: () => [
      ...variant((j) => {
        const policy = j.resource.aws_iam_role_policy.cluster_role_policy;
        policy.policy = (policy.policy as string).replace('["s3:GetObject"]', '"*"').replace(/"Resource" = \[[^\]]*\]/, '"Resource" = "*"');
        j.data.aws_iam_policy_document = { admin: { statement: [{ not_actions: ['iam:*'], resources: ['*'] }] } };
        j.resource.aws_iam_policy = {
          broken: { policy: '${jsonencode({"Statement" = [{"Effect" = "Allow", "Action" = "s3:Get\\Object"}]})}' },
          json_admin: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' }] }) },
        };
      }),
    ],
    expected: [
      at('aws_iam_role_policy.cluster_role_policy', 'policy: statement ReadBucket allows all actions on all resources'),
      at('aws_iam_policy.broken', 'policy cannot be analysed (invalid escape "\\O"); write it as JSON or jsonencode of a literal object'),
      at('aws_iam_policy.json_admin', 'policy: statement Admin allows all actions on all resources'),
      at('data.aws_iam_policy_document.admin', 'statement: statement (no Sid) allows all actions on all resources'),
    ],
  },
  {
    rule: kmsKeyRotation,
    name: 'symmetric key without rotation (asymmetric keys cannot rotate)',
    pass: () =>
      variant((j) => {
        j.resource.aws_kms_key.signing = { customer_master_key_spec: 'ECC_NIST_P256', key_usage: 'SIGN_VERIFY' };
      }),
    fail: () =>
      variant((j) => {
        j.resource.aws_kms_key.kms_key_data.enable_key_rotation = false;
      }),
    expected: [at('aws_kms_key.kms_key_data', 'enable_key_rotation is not true')],
  },
  {
    rule: flowLogs,
    name: 'VPC without a flow log; a flow log in another stack through remote state counts',
    pass: () => [
      stackJson('prod', 'network', { terraform: { backend: { s3: { key: 'prod/network/terraform.tfstate' } } }, resource: { aws_vpc: { vpc: { cidr_block: '10.30.0.0/16' } } }, output: { vpc_id: { value: '${aws_vpc.vpc.id}' } } }),
      stackJson('prod', 'observability', {
        data: { terraform_remote_state: { network: { backend: 's3', config: { key: 'prod/network/terraform.tfstate' } } } },
        resource: { aws_flow_log: { vpc: { vpc_id: '${data.terraform_remote_state.network.outputs.vpc_id}', traffic_type: 'ALL' } } },
      }),
    ],
    fail: () =>
      variant((j) => {
        j.resource.aws_flow_log.flow_log.traffic_type = 'REJECT';
      }),
    expected: [at('aws_vpc.vpc', 'no aws_flow_log with traffic_type ALL for this VPC')],
  },
  {
    rule: prodDeletionProtection,
    name: 'prod cluster without deletion protection (dev may)',
    pass: () =>
      variant((j) => {
        j.resource.aws_rds_cluster.postgres.deletion_protection = false;
      }, 'dev'),
    fail: () =>
      variant((j) => {
        j.resource.aws_rds_cluster.postgres.deletion_protection = false;
        j.resource.aws_s3_bucket.bucket_raw.force_destroy = true;
      }),
    expected: [at('aws_rds_cluster.postgres', 'deletion_protection is not true'), at('aws_s3_bucket.bucket_raw', 'force_destroy is true (destroy would delete every object)')],
  },
  {
    rule: prodMultiAz,
    name: 'prod cluster with one instance, cache without failover',
    pass: () => [base()],
    fail: () =>
      variant((j) => {
        delete j.resource.aws_rds_cluster_instance.postgres_2;
        j.resource.aws_elasticache_replication_group.redis.automatic_failover_enabled = false;
      }),
    expected: [
      at('aws_rds_cluster.postgres', 'has 1 instance(s); at least 2 are needed to fail over to another zone'),
      at('aws_elasticache_replication_group.redis', 'automatic_failover_enabled is not true'),
    ],
  },
  {
    rule: prodBackupRetention,
    name: 'prod backups kept 3 days, cache snapshots left at the default',
    pass: () => [base()],
    fail: () =>
      variant((j) => {
        j.resource.aws_rds_cluster.postgres.backup_retention_period = 3;
        delete j.resource.aws_elasticache_replication_group.redis.snapshot_retention_limit;
      }),
    expected: [
      at('aws_rds_cluster.postgres', 'backup_retention_period is 3 day(s), below 7'),
      at('aws_elasticache_replication_group.redis', 'snapshot_retention_limit is 0 day(s), below 7'),
    ],
  },
  {
    rule: requiredTags,
    name: 'provider without cost-center, overridden environment tag, volumes untagged',
    pass: () => [base()],
    fail: () =>
      variant((j) => {
        delete j.provider.aws[0].default_tags[0].tags['cost-center'];
        j.resource.aws_security_group.security_group_alb.tags.environment = 'dev';
        j.resource.aws_launch_template.nodes_apps.tag_specifications.pop();
        delete j.resource.aws_eks_node_group.node_group_apps.launch_template;
      }),
    expected: [
      at('provider.aws', 'default_tags: missing tags cost-center'),
      at('aws_security_group.security_group_alb', 'tags.environment overrides the default tag ("dev" instead of "prod")'),
      at('aws_launch_template.nodes_apps', 'no tag_specifications for volumes (default_tags do not reach what a launch template launches)'),
      at('aws_eks_node_group.node_group_apps', "no launch_template: the nodes' instances and volumes would be untagged"),
    ],
  },
];
