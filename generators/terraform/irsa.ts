/** IAM roles for Kubernetes service accounts: a trust pinned to one service account and one inline policy. */
import type { DataTerraformRemoteStateS3 } from 'cdktf';
import type { Construct } from 'constructs';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';

import { naming } from '../naming.js';
import { arn, irsaTrustPolicy, policyDocument, type OidcProvider, type ServiceAccountRef, type Statement } from './iam.js';

export interface IrsaRoleOptions {
  env: string;
  /** Add-on or service name; the role is naming.irsaRoleName(env, name). */
  name: string;
  serviceAccount: ServiceAccountRef;
  oidc: OidcProvider;
  description: string;
  /** Everything the workload may do beyond `managedPolicies`; no inline policy when empty. */
  statements: Statement[];
  /** AWS-managed policies AWS maintains for exactly this add-on (e.g. AmazonEKS_CNI_Policy), by path and name. */
  managedPolicies?: string[];
}

/**
 * A name as a lower snake_case Terraform id segment: `aws-load-balancer-controller` →
 * `aws_load_balancer_controller`, `AmazonEKSWorkerNodePolicy` → `amazon_eks_worker_node_policy`.
 */
export const terraformId = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();

/** Creates `irsa_<name>`, its inline policy `irsa_<name>_policy` and `irsa_<name>_<managed policy>` attachments. */
export function irsaRole(scope: Construct, options: IrsaRoleOptions): IamRole {
  const id = `irsa_${terraformId(options.name)}`;
  const role = new IamRole(scope, id, {
    name: naming.irsaRoleName(options.env, options.name),
    description: options.description,
    assumeRolePolicy: irsaTrustPolicy(options.oidc, options.serviceAccount),
    maxSessionDuration: 3600,
  });
  if (options.statements.length > 0) {
    new IamRolePolicy(scope, `${id}_policy`, { name: options.name, role: role.id, policy: policyDocument(options.statements) });
  }
  for (const policy of options.managedPolicies ?? []) {
    const policyName = policy.split('/').pop()!;
    new IamRolePolicyAttachment(scope, `${id}_${terraformId(policyName)}`, { role: role.name, policyArn: arn.managedPolicy(policy) });
  }
  return role;
}

/** The cluster's OIDC provider as a downstream stack reads it from the cluster stack's outputs. */
export function oidcFromClusterState(cluster: DataTerraformRemoteStateS3): OidcProvider {
  return { arn: cluster.getString('oidc_provider_arn'), issuerHost: cluster.getString('oidc_issuer_host') };
}
