/**
 * Human access to the cluster: one EKS access entry per role of the environment's `access` config,
 * the platform team's roles with AmazonEKSClusterAdminPolicy, the read-only groups' roles with
 * AmazonEKSViewPolicy (no Secrets), both on the whole cluster. The Terraform role gets no entry:
 * only Atlantis assumes it, and nothing it applies talks to the Kubernetes API (TF-016).
 * The address is derived from the role's name, so adding or removing a role moves no other entry.
 */
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry/index.js';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association/index.js';
import type { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster/index.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { terraformId } from '../irsa.js';
import type { TerraformStack } from 'cdktf';

export const ACCESS_POLICY = {
  admin: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
  readOnly: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
} as const;

/** The role's own name (the last segment of its ARN, after any `aws-reserved/sso.amazonaws.com/<region>/` path). */
export const roleNameOf = (roleArn: string): string => roleArn.slice(roleArn.lastIndexOf('/') + 1);

export function humanAccess(stack: TerraformStack, env: ResolvedEnvironment, cluster: EksCluster): void {
  const grants = [
    ...env.access.adminRoleArns.map((roleArn) => ({ roleArn, level: 'admin' as const })),
    ...env.access.readOnlyRoleArns.map((roleArn) => ({ roleArn, level: 'readOnly' as const })),
  ];
  for (const { roleArn, level } of grants) {
    const id = terraformId(roleNameOf(roleArn));
    const entry = new EksAccessEntry(stack, `eks_access_entry_${id}`, { clusterName: cluster.name, principalArn: roleArn, type: 'STANDARD' });
    new EksAccessPolicyAssociation(stack, `eks_access_policy_${id}`, {
      clusterName: cluster.name,
      principalArn: entry.principalArn,
      policyArn: ACCESS_POLICY[level],
      accessScope: { type: 'cluster' },
    });
  }
}
