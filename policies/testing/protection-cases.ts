/**
 * Fixtures of the issue 13 protection rules: secret rotation (TF-015), the Terraform role kept from
 * humans (TF-016) and recovery objectives (TF-017). Written by hand in the JSON cdktf emits, each
 * failing variant changing what a careless edit would.
 */
import type { PolicyFile } from '../engine/documents.js';
import type { Finding } from '../engine/types.js';
import { recoveryObjectives } from '../terraform/recovery-objectives.js';
import { secretRotation } from '../terraform/secret-rotation.js';
import { terraformRoleUnusedByHumans } from '../terraform/terraform-role-unused-by-humans.js';
import { yamlFile } from './kubernetes-fixtures.js';
import type { RuleCase } from './run-rule.js';
import { stackJson, type Json } from './terraform-fixtures.js';

const DATA = 'generated/terraform/prod/data/main.tf.json';
const CLUSTER = 'generated/terraform/prod/cluster/main.tf.json';
const BOOTSTRAP = 'generated/terraform/prod/bootstrap/main.tf.json';
const at = (file: string, resource: string, message: string): Finding => ({ file, resource, message });

const TERRAFORM_ROLE = 'arn:aws:iam::333333333333:role/platform-terraform';
const ATLANTIS_ROLE = 'arn:aws:iam::333333333333:role/platform-prod-irsa-atlantis';
const SSO_ADMIN = 'arn:aws:iam::333333333333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformAdmin_0123456789abcdef';
const provider = { aws: [{ allowed_account_ids: ['333333333333'], assume_role: [{ role_arn: TERRAFORM_ROLE, session_name: 'platform-prod-data' }], region: 'eu-west-1' }] };

// --- TF-015 -----------------------------------------------------------------------------------

const tags = (rotation: string, days?: string, max = '90') => ({ rotation, 'rotation-max-days': max, ...(days ? { 'rotation-days': days } : {}) });

function secretsStack(change: (j: Json) => void = () => {}): PolicyFile[] {
  const json: Json = {
    provider,
    resource: {
      aws_secretsmanager_secret: {
        secret_redis_auth_token: { name: 'platform/prod/redis/auth-token', tags: tags('runbook', '90') },
        secret_postgres_endpoint: { name: 'platform/prod/postgres/endpoint', tags: tags('terraform-apply') },
        secret_api_key: { name: 'platform/prod/api/key', tags: tags('secrets-manager') },
      },
      aws_secretsmanager_secret_rotation: {
        secret_api_key_rotation: {
          secret_id: '${aws_secretsmanager_secret.secret_api_key.id}',
          rotation_lambda_arn: 'arn:aws:lambda:eu-west-1:333333333333:function:rotate',
          rotation_rules: [{ automatically_after_days: 30 }],
        },
      },
      aws_rds_cluster: { postgres: { cluster_identifier: 'platform-prod', manage_master_user_password: true } },
    },
  };
  change(json);
  return [stackJson('prod', 'data', json)];
}

// --- TF-016 -----------------------------------------------------------------------------------

const trust = (...principals: Json[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: principals.map((Principal) => ({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal })) });

function accessStacks(change: (cluster: Json, bootstrap: Json) => void = () => {}): PolicyFile[] {
  const cluster: Json = {
    provider,
    resource: {
      aws_eks_access_entry: { eks_access_entry_admin: { cluster_name: 'platform-prod', principal_arn: SSO_ADMIN, type: 'STANDARD' } },
      aws_eks_access_policy_association: {
        eks_access_policy_admin: {
          cluster_name: 'platform-prod',
          principal_arn: '${aws_eks_access_entry.eks_access_entry_admin.principal_arn}',
          policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
          access_scope: { type: 'cluster' },
        },
      },
    },
  };
  const bootstrap: Json = {
    resource: { aws_iam_role: { terraform: { name: 'platform-terraform', assume_role_policy: trust({ AWS: ATLANTIS_ROLE }) } } },
  };
  change(cluster, bootstrap);
  return [stackJson('prod', 'cluster', cluster), stackJson('prod', 'bootstrap', bootstrap)];
}

// --- TF-017 -----------------------------------------------------------------------------------

const objective = (component: string, rpo: string, rto = '60') => ({ 'recovery-component': component, 'recovery-rpo-minutes': rpo, 'recovery-rto-minutes': rto });
const versioning = (bucket: string) => ({ bucket: `\${aws_s3_bucket.${bucket}.id}`, versioning_configuration: { status: 'Enabled' } });

function recoveryFiles(change: (data: Json, velero: Json) => void = () => {}): PolicyFile[] {
  const data: Json = {
    provider,
    resource: {
      aws_rds_cluster: { postgres: { cluster_identifier: 'platform-prod', backup_retention_period: 30, tags: objective('database', '5') } },
      aws_s3_bucket: {
        bucket_raw: { bucket: 'platform-prod-raw-333333333333', tags: objective('data-lake', '60') },
        bucket_velero: { bucket: 'platform-prod-velero-333333333333', tags: objective('kubernetes', '1440') },
      },
      aws_s3_bucket_versioning: { bucket_raw_versioning: versioning('bucket_raw'), bucket_velero_versioning: versioning('bucket_velero') },
    },
  };
  const velero: Json = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'velero', namespace: 'argocd' },
    spec: {
      source: {
        chart: 'velero',
        helm: { valuesObject: { schedules: { daily: { disabled: false, schedule: '0 3 * * *' }, weekly: { disabled: true, schedule: '0 4 * * 0' } } } },
      },
    },
  };
  change(data, velero);
  return [stackJson('prod', 'data', data), yamlFile('argocd/prod/apps/velero.yaml', [velero], 'prod')];
}

export const protectionCases: RuleCase[] = [
  {
    rule: secretRotation,
    name: 'secrets with no rotation, a period over the maximum, and an unmanaged master password',
    pass: () => secretsStack(),
    fail: () =>
      secretsStack((j) => {
        const secrets = j.resource.aws_secretsmanager_secret;
        secrets.secret_redis_auth_token.tags = tags('runbook', '120');
        delete secrets.secret_postgres_endpoint.tags;
        j.resource.aws_secretsmanager_secret_rotation.secret_api_key_rotation.rotation_rules[0].automatically_after_days = 91;
        secrets.secret_unknown = { name: 'platform/prod/other', tags: tags('never') };
        secrets.secret_orphan = { name: 'platform/prod/orphan', tags: tags('secrets-manager') };
        j.resource.aws_rds_cluster.postgres = { cluster_identifier: 'platform-prod', master_password: 'from-a-variable' };
      }),
    expected: [
      at(DATA, 'aws_secretsmanager_secret.secret_redis_auth_token', "rotated every 120 days by runbook, over the environment's maximum of 90"),
      at(DATA, 'aws_secretsmanager_secret.secret_postgres_endpoint', "no tag rotation-max-days (the environment's secrets.rotationDays)"),
      at(DATA, 'aws_secretsmanager_secret.secret_api_key', "aws_secretsmanager_secret_rotation.secret_api_key_rotation rotates every 91 days, over the environment's maximum of 90"),
      at(DATA, 'aws_secretsmanager_secret.secret_unknown', 'tag rotation is "never"; expected one of secrets-manager, runbook, terraform-apply'),
      at(DATA, 'aws_secretsmanager_secret.secret_orphan', 'tagged rotation=secrets-manager but no aws_secretsmanager_secret_rotation rotates it'),
      at(DATA, 'aws_rds_cluster.postgres', 'the master password is not managed (and rotated) by RDS: set manage_master_user_password'),
    ],
  },
  {
    rule: terraformRoleUnusedByHumans,
    name: 'the Terraform role mapped into the cluster and trusted by an SSO role and the account root',
    pass: () => accessStacks(),
    fail: () =>
      accessStacks((cluster, bootstrap) => {
        cluster.resource.aws_eks_access_entry.eks_access_entry_terraform = { cluster_name: 'platform-prod', principal_arn: TERRAFORM_ROLE, type: 'STANDARD' };
        bootstrap.resource.aws_iam_role.terraform.assume_role_policy = trust({ AWS: [ATLANTIS_ROLE, SSO_ADMIN] }, { AWS: 'arn:aws:iam::333333333333:root' });
      }),
    expected: [
      at(CLUSTER, 'aws_eks_access_entry.eks_access_entry_terraform', `maps the Terraform role ${TERRAFORM_ROLE} into the cluster; only humans' SSO roles get access entries`),
      at(BOOTSTRAP, 'aws_iam_role.terraform', `the Terraform role trusts AWS:${SSO_ADMIN}; only Atlantis's IRSA role (or the CI role) may assume it`),
      at(BOOTSTRAP, 'aws_iam_role.terraform', "the Terraform role trusts AWS:arn:aws:iam::333333333333:root; only Atlantis's IRSA role (or the CI role) may assume it"),
    ],
  },
  {
    rule: recoveryObjectives,
    name: 'backups too rare for the RPO, an unversioned bucket, no point-in-time recovery',
    pass: () => recoveryFiles(),
    fail: () =>
      recoveryFiles((data, velero) => {
        data.resource.aws_rds_cluster.postgres.backup_retention_period = 0;
        data.resource.aws_rds_cluster.other = { cluster_identifier: 'platform-prod-other', backup_retention_period: 7 };
        delete data.resource.aws_s3_bucket_versioning.bucket_raw_versioning;
        data.resource.aws_s3_bucket.bucket_velero.tags = objective('kubernetes', '720');
        velero.spec.source.helm.valuesObject.schedules.weekly.disabled = false;
      }),
    expected: [
      at(DATA, 'aws_rds_cluster.other', 'states no recovery objectives (tags recovery-component, recovery-rpo-minutes, recovery-rto-minutes)'),
      at(DATA, 'aws_rds_cluster.postgres', 'point-in-time recovery is off (backup_retention_period < 1), so no RPO can be met'),
      at(DATA, 'aws_s3_bucket.bucket_raw', 'data-lake RPO needs versioning: no aws_s3_bucket_versioning with status Enabled for this bucket'),
      at(DATA, 'aws_s3_bucket.bucket_velero', 'Velero schedule "0 4 * * 0" does not run every day at fixed times, so its interval cannot be checked against the RPO'),
      at(DATA, 'aws_s3_bucket.bucket_velero', 'Velero backs up every 1440 minutes at best, over the RPO of 720'),
    ],
  },
];
