/**
 * The EKS control plane: Kubernetes secrets encrypted with a customer key, every control-plane log
 * type into a retained, encrypted log group, an API endpoint that is private or limited to the
 * configured CIDRs, access entries for humans only (API authentication mode, human-access.ts) and
 * the OIDC provider for IRSA.
 */
import { Fn, TerraformLocal } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { Ec2Tag } from '@cdktf/provider-aws/lib/ec2-tag/index.js';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster/index.js';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';
import { naming } from '../../naming.js';
import { arn, assumeRoleByService, type OidcProvider } from '../iam.js';
import { platformKey } from '../kms.js';
import type { ClusterContext } from './context.js';
import { humanAccess } from './human-access.js';

const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

export interface ControlPlane {
  cluster: EksCluster;
  oidc: OidcProvider;
  /** The security group EKS creates for the cluster; nodes and pods use it. */
  clusterSecurityGroupId: string;
}

export function controlPlane(ctx: ClusterContext): ControlPlane {
  const { stack, env, prefix, clusterName, network } = ctx;

  const secretsKey = platformKey(stack, 'eks', {
    accountId: env.aws.accountId,
    alias: naming.kmsAlias(env.name, 'eks'),
    description: `${prefix} EKS Kubernetes secrets encryption`,
  });
  // Created before the cluster, or EKS would create it without retention or encryption.
  const logGroup = new CloudwatchLogGroup(stack, 'eks_control_plane_log_group', {
    name: naming.eksControlPlaneLogGroup(env.name),
    retentionInDays: env.eks.controlPlaneLogRetentionDays,
    kmsKeyId: network.getString('logs_kms_key_arn'),
  });

  const role = new IamRole(stack, 'eks_cluster_role', {
    name: `${prefix}-eks-cluster`,
    assumeRolePolicy: assumeRoleByService('eks.amazonaws.com'),
  });
  const rolePolicy = new IamRolePolicyAttachment(stack, 'eks_cluster_role_policy', {
    role: role.name,
    policyArn: arn.managedPolicy('AmazonEKSClusterPolicy'),
  });

  const publicAccess = env.eks.publicAccessCidrs.length > 0;
  const cluster = new EksCluster(stack, 'eks_cluster', {
    name: clusterName,
    version: env.eks.version,
    // Explicit: without it EKS defaults to EXTENDED (paid extended support). STANDARD makes AWS upgrade
    // the control plane at the end of standard support; LIFE-001/002 check the version against that date.
    upgradePolicy: { supportType: 'STANDARD' },
    roleArn: role.arn,
    vpcConfig: {
      subnetIds: network.getList('private_subnet_ids'),
      endpointPrivateAccess: true,
      endpointPublicAccess: publicAccess,
      // Without an explicit list EKS would open a public endpoint to 0.0.0.0/0.
      publicAccessCidrs: publicAccess ? env.eks.publicAccessCidrs : undefined,
    },
    encryptionConfig: { provider: { keyArn: secretsKey.arn }, resources: ['secrets'] },
    enabledClusterLogTypes: CONTROL_PLANE_LOG_TYPES,
    accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
    // vpc-cni, kube-proxy and CoreDNS come as managed add-ons (addons.ts), not as unmanaged defaults.
    bootstrapSelfManagedAddons: false,
    dependsOn: [logGroup, rolePolicy],
  });

  // Humans reach the API through their SSO roles; the Terraform role has no access entry (TF-016).
  humanAccess(stack, env, cluster);

  const issuer = cluster.identity.get(0).oidc.get(0).issuer;
  const provider = new IamOpenidConnectProvider(stack, 'eks_oidc_provider', { url: issuer, clientIdList: ['sts.amazonaws.com'] });
  const issuerHost = new TerraformLocal(stack, 'irsa_condition_prefix', Fn.replace(issuer, 'https://', ''));

  // Karpenter selects the security group of the nodes it launches by this tag.
  const clusterSecurityGroupId = cluster.vpcConfig.clusterSecurityGroupId;
  new Ec2Tag(stack, 'cluster_security_group_karpenter_discovery', {
    resourceId: clusterSecurityGroupId,
    key: naming.karpenterDiscoveryTag,
    value: clusterName,
  });

  return { cluster, oidc: { arn: provider.arn, issuerHost: issuerHost.asString }, clusterSecurityGroupId };
}
