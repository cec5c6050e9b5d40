/**
 * Managed node groups, one per configured pool (system / apps / data): the AL2023 AMI of the pool's
 * architecture, spot or on-demand capacity, labels and taints from the config, and a launch
 * template that requires IMDSv2 with a hop limit of 1 (pods cannot reach the node's credentials)
 * and encrypts the root volume with the environment's EBS key.
 */
import { Token, type ITerraformDependable } from 'cdktf';
import { EbsDefaultKmsKey } from '@cdktf/provider-aws/lib/ebs-default-kms-key/index.js';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default/index.js';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster/index.js';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template/index.js';
import type { NodePool, Taint } from '../../../environments/types.js';
import { naming } from '../../naming.js';
import { arn, assumeRoleByService } from '../iam.js';
import { terraformId } from '../irsa.js';
import { platformKey } from '../kms.js';
import type { ClusterContext } from './context.js';

/** AWS-managed policies every worker node role needs (the CNI's own rights sit on its IRSA role). */
export const NODE_MANAGED_POLICIES = ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryPullOnly'] as const;

const AMI_TYPES: Record<NodePool['architecture'], string> = {
  x86_64: 'AL2023_x86_64_STANDARD',
  arm64: 'AL2023_ARM_64_STANDARD',
};
const TAINT_EFFECTS: Record<Taint['effect'], string> = {
  NoSchedule: 'NO_SCHEDULE',
  PreferNoSchedule: 'PREFER_NO_SCHEDULE',
  NoExecute: 'NO_EXECUTE',
};

/** A role EC2 instances of the cluster assume, with the worker-node managed policies (`<id>_<policy>` attachments). */
export function nodeRole(ctx: ClusterContext, id: string, name: string): { role: IamRole; attachments: IamRolePolicyAttachment[] } {
  const role = new IamRole(ctx.stack, id, { name, assumeRolePolicy: assumeRoleByService('ec2.amazonaws.com') });
  const attachments = NODE_MANAGED_POLICIES.map(
    (policy) => new IamRolePolicyAttachment(ctx.stack, `${id}_${terraformId(policy)}`, { role: role.name, policyArn: arn.managedPolicy(policy) }),
  );
  return { role, attachments };
}

/**
 * The EBS key, also the account's default for new volumes. Like the AWS-managed aws/ebs key, every
 * principal of the account may use it, but only through EC2 (node groups, Karpenter, the EBS CSI driver).
 */
export function ebsKey(ctx: ClusterContext): KmsKey {
  const { stack, env, prefix } = ctx;
  const key = platformKey(stack, 'ebs', {
    accountId: env.aws.accountId,
    alias: naming.kmsAlias(env.name, 'ebs'),
    description: `${prefix} EBS volume encryption`,
    grants: [
      {
        Sid: 'AccountUsesKeyThroughEc2',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': env.aws.accountId, 'kms:ViaService': `ec2.${env.aws.region}.amazonaws.com` } },
      },
    ],
  });
  new EbsEncryptionByDefault(stack, 'ebs_encryption_by_default', { enabled: true });
  new EbsDefaultKmsKey(stack, 'ebs_default_kms_key', { keyArn: key.arn });
  return key;
}

export function nodeGroups(ctx: ClusterContext, cluster: EksCluster, key: KmsKey, addonsBeforeNodes: ITerraformDependable[]): EksNodeGroup[] {
  const { stack, env, prefix, network } = ctx;
  const { role, attachments } = nodeRole(ctx, 'node_role', `${prefix}-node`);

  return env.eks.nodePools.map((pool) => {
    const id = terraformId(pool.name);
    const template = new LaunchTemplate(stack, `launch_template_${id}`, {
      name: `${prefix}-${pool.name}`,
      description: `${prefix} ${pool.name} nodes`,
      updateDefaultVersion: true,
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: { volumeSize: pool.diskSizeGiB, volumeType: 'gp3', encrypted: 'true', kmsKeyId: key.arn, deleteOnTermination: 'true' },
        },
      ],
      // default_tags do not reach what a launch template launches: stamp them on the nodes and their volumes.
      tagSpecifications: ['instance', 'volume'].map((resourceType) => ({ resourceType, tags: { ...ctx.ps.defaultTags, Name: `${prefix}-${pool.name}` } })),
    });
    return new EksNodeGroup(stack, `node_group_${id}`, {
      clusterName: cluster.name,
      nodeGroupName: pool.name,
      version: cluster.version,
      nodeRoleArn: role.arn,
      subnetIds: network.getList('private_subnet_ids'),
      amiType: AMI_TYPES[pool.architecture],
      capacityType: pool.capacityType,
      instanceTypes: pool.instanceTypes,
      scalingConfig: { minSize: pool.minSize, desiredSize: pool.desiredSize, maxSize: pool.maxSize },
      updateConfig: { maxUnavailable: 1 },
      labels: pool.labels,
      taint: pool.taints.map((t) => ({ key: t.key, value: t.value, effect: TAINT_EFFECTS[t.effect] })),
      launchTemplate: { id: template.id, version: Token.asString(template.latestVersion) },
      // Nodes join only once the role can pull images and the CNI can hand out addresses.
      dependsOn: [...attachments, ...addonsBeforeNodes],
    });
  });
}
