/**
 * What the environment's Terraform gives the cluster before Argo CD syncs anything: IAM roles
 * (IRSA), ACM certificates, Secrets Manager secrets, Route 53 zones, ECR repositories, S3 buckets,
 * SQS queues, EKS add-ons
 * and the managed node groups (their labels and hard taints). Only literal names are read; a name
 * Terraform computes (an interpolation) cannot be matched and counts as absent.
 */
import type { TerraformEnvironment } from '../engine/terraform.js';
import { blocks, dict, str, strings } from '../engine/values.js';

export interface NodeGroup {
  name: string;
  labels: Record<string, string>;
  /** Taints that keep pods off (NoSchedule, NoExecute); PreferNoSchedule never blocks scheduling. */
  taints: { key: string; value?: string; effect: string }[];
}

export interface TerraformFacts {
  iamRoles: Set<string>;
  certificateDomains: string[];
  secrets: Set<string>;
  zones: Set<string>;
  ecrRepositories: Set<string>;
  buckets: Set<string>;
  queues: Set<string>;
  eksAddons: Set<string>;
  nodeGroups: NodeGroup[];
}

const EFFECTS: Record<string, string> = { NO_SCHEDULE: 'NoSchedule', NO_EXECUTE: 'NoExecute', PREFER_NO_SCHEDULE: 'PreferNoSchedule' };

function names(terraform: TerraformEnvironment, type: string, attribute: string): Set<string> {
  return new Set(terraform.resources(type).flatMap((r) => strings(r.attrs[attribute])).filter((n) => !n.includes('${')));
}

export function terraformFacts(terraform: TerraformEnvironment): TerraformFacts {
  return {
    iamRoles: names(terraform, 'aws_iam_role', 'name'),
    certificateDomains: terraform
      .resources('aws_acm_certificate')
      .flatMap((c) => [...strings(c.attrs.domain_name), ...strings(c.attrs.subject_alternative_names)])
      .filter((d) => !d.includes('${')),
    secrets: names(terraform, 'aws_secretsmanager_secret', 'name'),
    zones: new Set([...names(terraform, 'aws_route53_zone', 'name')].map((z) => z.replace(/\.$/, ''))),
    ecrRepositories: names(terraform, 'aws_ecr_repository', 'name'),
    buckets: names(terraform, 'aws_s3_bucket', 'bucket'),
    queues: names(terraform, 'aws_sqs_queue', 'name'),
    eksAddons: names(terraform, 'aws_eks_addon', 'addon_name'),
    nodeGroups: terraform.resources('aws_eks_node_group').map((g) => ({
      name: str(g.attrs.node_group_name) ?? g.name,
      labels: Object.fromEntries(Object.entries(dict(g.attrs.labels)).filter((e): e is [string, string] => typeof e[1] === 'string')),
      taints: blocks(g.attrs.taint)
        .map((t) => ({ key: str(t.key) ?? '', value: str(t.value), effect: EFFECTS[str(t.effect) ?? ''] ?? str(t.effect) ?? '' }))
        .filter((t) => t.effect !== 'PreferNoSchedule'),
    })),
  };
}

/** Whether an ACM certificate for `domain` (or a wildcard one level up) covers `host`. */
export function certificateCovers(domain: string, host: string): boolean {
  if (domain.toLowerCase() === host.toLowerCase()) return true;
  if (!domain.startsWith('*.')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1).toLowerCase() === domain.slice(2).toLowerCase();
}
