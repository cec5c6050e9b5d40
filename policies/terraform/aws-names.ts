/**
 * TF-020: every name and tag in the generated Terraform is one AWS accepts.
 *
 * The model's checks (generators/model/generated-names.ts) blame the input field behind each name
 * the naming contract derives; this rule is the safety net over what was actually generated, so a
 * name built somewhere else, or a new resource, is judged by the same table (name-rules.ts).
 * Values that are Terraform expressions (`${…}`) are known only at apply time and are skipped.
 */
import { nameProblem, type NameKind } from '../../generators/model/name-rules.js';
import { awsTagProblem } from '../../generators/model/labels-and-tags.js';
import type { TerraformBlock } from '../engine/terraform.js';
import type { Finding, Rule } from '../engine/types.js';
import { blocks, dict, str } from '../engine/values.js';
import { blockFinding } from './finding.js';

/** Name attributes per resource type, and the kind of name each is. */
const NAME_ATTRIBUTES: Record<string, Record<string, NameKind>> = {
  aws_iam_role: { name: 'iam-role' },
  aws_s3_bucket: { bucket: 's3-bucket' },
  aws_rds_cluster: { cluster_identifier: 'rds-identifier', final_snapshot_identifier: 'rds-snapshot' },
  aws_rds_cluster_instance: { identifier: 'rds-identifier' },
  aws_db_instance: { identifier: 'rds-identifier', final_snapshot_identifier: 'rds-snapshot' },
  aws_elasticache_replication_group: { replication_group_id: 'elasticache-replication-group' },
  aws_msk_cluster: { cluster_name: 'msk-cluster' },
  aws_lb: { name: 'load-balancer' },
  aws_alb: { name: 'load-balancer' },
  aws_lb_target_group: { name: 'target-group' },
  aws_alb_target_group: { name: 'target-group' },
  aws_eks_cluster: { name: 'eks-cluster' },
  aws_eks_node_group: { node_group_name: 'eks-node-group' },
  aws_launch_template: { name: 'launch-template' },
  aws_sqs_queue: { name: 'sqs-queue' },
  aws_acm_certificate: { domain_name: 'acm-domain' },
  aws_route53_zone: { name: 'dns-name' },
};

const literal = (value: unknown): string | undefined => {
  const text = str(value);
  return text !== undefined && !text.includes('${') ? text : undefined;
};

function nameFindings(block: TerraformBlock): Finding[] {
  return Object.entries(NAME_ATTRIBUTES[block.type] ?? {}).flatMap(([attribute, kind]) => {
    const value = literal(block.attrs[attribute]);
    const problem = value === undefined ? undefined : nameProblem(kind, value);
    return problem ? [blockFinding(block, `${attribute}: ${problem}`)] : [];
  });
}

function tagFindings(where: string, tags: Record<string, unknown>, finding: (message: string) => Finding): Finding[] {
  return Object.entries(tags).flatMap(([key, value]) => {
    const text = literal(value);
    if (text === undefined && typeof value === 'string') return [];
    const problem = awsTagProblem(key, text ?? String(value));
    return problem ? [finding(`${where}: ${problem}`)] : [];
  });
}

export const awsNames: Rule = {
  id: 'TF-020',
  severity: 'error',
  area: 'terraform',
  title: 'Names and tags AWS accepts',
  checks:
    'Literal names of IAM roles (64), S3 buckets (63, lowercase, no `..`, not an IP, no reserved prefix/suffix), RDS cluster/instance identifiers (63) and final snapshots (255), ElastiCache replication groups (40), MSK clusters (64), load balancers and target groups (32), EKS clusters (100) and node groups (63), launch templates (128), SQS queues (80), ACM certificate domains (64) and hosted zones (253, labels of 63) have the length and characters AWS accepts; every tag (provider default_tags, resource tags, launch-template tag specifications) has a key of at most 128 and a value of at most 256 characters of letters, digits, spaces and `_.:/=+-@`, and no `aws:` key.',
  why: 'AWS refuses such a name or tag only at apply time, often half-way through a plan, leaving a stack partly created.',
  fix: 'Shorten the input the name comes from (service, bucket or node-pool name, environment name), or change the naming contract in `generators/naming.ts`; synth names the input field for names it derives.',
  check: ({ terraform }) => [
    ...terraform.resources().flatMap(nameFindings),
    ...terraform.resources().flatMap((block) => tagFindings('tags', dict(block.attrs.tags), (m) => blockFinding(block, m))),
    ...terraform
      .resources('aws_launch_template')
      .flatMap((block) => blocks(block.attrs.tag_specifications).flatMap((spec) => tagFindings(`tag_specifications (${String(spec.resource_type)})`, dict(spec.tags), (m) => blockFinding(block, m)))),
    ...terraform.stacks.flatMap((stack) =>
      blocks(dict(stack.json.provider).aws).flatMap((config) =>
        blocks(config.default_tags).flatMap((d) => tagFindings('default_tags', dict(d.tags), (message) => ({ file: stack.file, resource: 'provider.aws', message }))),
      ),
    ),
  ],
};
