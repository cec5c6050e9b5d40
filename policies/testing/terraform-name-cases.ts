/** Fixtures of TF-020 (names and tags AWS accepts), from the compliant data stack with one thing changed. */
import type { Finding } from '../engine/types.js';
import { awsNames } from '../terraform/aws-names.js';
import type { RuleCase } from './run-rule.js';
import { changed, compliantDataStack } from './terraform-fixtures.js';

const FILE = 'generated/terraform/prod/data/main.tf.json';
const at = (resource: string, message: string): Finding => ({ file: FILE, resource, message });
const base = () => compliantDataStack('prod');

export const terraformNameCases: RuleCase[] = [
  {
    rule: awsNames,
    name: 'names longer or otherwise shaped than AWS accepts',
    pass: () => [base()],
    fail: () => [
      changed(base(), (j) => {
        j.resource.aws_elasticache_replication_group.redis.replication_group_id = 'platform-production-eu-west-1-redis-cache';
        j.resource.aws_s3_bucket.bucket_raw.bucket = 'Platform-Prod-Raw';
        j.resource.aws_iam_role.cluster_role.name = `platform-prod-${'x'.repeat(60)}`;
        j.resource.aws_msk_cluster.kafka.cluster_name = '${var.name}';
      }),
    ],
    expected: [
      at(
        'aws_s3_bucket.bucket_raw',
        'bucket: S3 bucket name "Platform-Prod-Raw" is invalid; expected 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit',
      ),
      at('aws_elasticache_replication_group.redis', 'replication_group_id: ElastiCache replication group id "platform-production-eu-west-1-redis-cache" is 41 characters; at most 40 are allowed'),
      at('aws_iam_role.cluster_role', `name: IAM role name "platform-prod-${'x'.repeat(60)}" is 74 characters; at most 64 are allowed`),
    ],
  },
  {
    rule: awsNames,
    name: 'tag values AWS refuses, in default_tags and a resource',
    pass: () => [changed(base(), (j) => void (j.resource.aws_security_group.security_group_alb.tags.purpose = 'load-balancer: public @ 443'))],
    fail: () => [
      changed(base(), (j) => {
        j.provider.aws[0].default_tags[0].tags['cost-center'] = 'cc#1001';
        j.resource.aws_security_group.security_group_alb.tags['aws:purpose'] = 'x';
      }),
    ],
    expected: [
      at('aws_security_group.security_group_alb', 'tags: AWS tag key "aws:purpose" uses the reserved aws: prefix'),
      at('provider.aws', 'default_tags: AWS tag value "cc#1001" of cost-center has characters AWS refuses; expected letters, digits, spaces and _.:/=+-@'),
    ],
  },
];
