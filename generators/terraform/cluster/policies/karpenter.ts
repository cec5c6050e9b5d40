/**
 * Karpenter controller: launches and terminates only instances, launch templates and instance
 * profiles tagged as this cluster's, passes only its node role, reads only its interruption queue.
 */
import type { Statement } from '../../iam.js';

export interface KarpenterPolicyInput {
  region: string;
  accountId: string;
  clusterName: string;
  nodeRoleArn: string;
  queueArn: string;
}

export function karpenterStatements(input: KarpenterPolicyInput): Statement[] {
  const { region, accountId, clusterName } = input;
  const ec2 = (resource: string) => `arn:aws:ec2:${region}:${accountId}:${resource}`;
  const owned = { [`aws:RequestTag/kubernetes.io/cluster/${clusterName}`]: 'owned', 'aws:RequestTag/eks:eks-cluster-name': clusterName };
  const ownedResource = { [`aws:ResourceTag/kubernetes.io/cluster/${clusterName}`]: 'owned' };
  const launched = ['fleet/*', 'instance/*', 'volume/*', 'network-interface/*', 'launch-template/*', 'spot-instances-request/*'].map(ec2);
  const instanceProfiles = `arn:aws:iam::${accountId}:instance-profile/*`;
  return [
    {
      Sid: 'LaunchFromSharedResources',
      Effect: 'Allow',
      Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
      Resource: [`arn:aws:ec2:${region}::image/*`, `arn:aws:ec2:${region}::snapshot/*`, ec2('security-group/*'), ec2('subnet/*'), ec2('capacity-reservation/*')],
    },
    {
      Sid: 'LaunchFromOwnLaunchTemplates',
      Effect: 'Allow',
      Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
      Resource: [ec2('launch-template/*')],
      Condition: { StringEquals: ownedResource, StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' } },
    },
    {
      Sid: 'CreateOwnedResources',
      Effect: 'Allow',
      Action: ['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'],
      Resource: launched,
      Condition: { StringEquals: owned, StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' } },
    },
    {
      Sid: 'TagOwnedResourcesOnCreate',
      Effect: 'Allow',
      Action: ['ec2:CreateTags'],
      Resource: launched,
      Condition: {
        StringEquals: { ...owned, 'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'] },
        StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
      },
    },
    {
      Sid: 'TagOwnedInstances',
      Effect: 'Allow',
      Action: ['ec2:CreateTags'],
      Resource: [ec2('instance/*')],
      Condition: {
        StringEquals: ownedResource,
        StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
        'StringEqualsIfExists': { 'aws:RequestTag/eks:eks-cluster-name': clusterName },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'] },
      },
    },
    {
      Sid: 'DeleteOwnedResources',
      Effect: 'Allow',
      Action: ['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'],
      Resource: [ec2('instance/*'), ec2('launch-template/*')],
      Condition: { StringEquals: ownedResource, StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' } },
    },
    {
      Sid: 'ReadRegionalEc2',
      Effect: 'Allow',
      Action: [
        'ec2:DescribeAvailabilityZones',
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
        'ec2:DescribeInstanceStatus',
        'ec2:DescribeInstanceTypeOfferings',
        'ec2:DescribeInstanceTypes',
        'ec2:DescribeLaunchTemplates',
        'ec2:DescribePlacementGroups',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSpotPriceHistory',
        'ec2:DescribeSubnets',
        'ec2:DescribeCapacityReservations',
      ],
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': region } },
    },
    { Sid: 'ReadAmiParameters', Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: [`arn:aws:ssm:${region}::parameter/aws/service/*`] },
    { Sid: 'ReadPrices', Effect: 'Allow', Action: ['pricing:GetProducts'], Resource: '*' },
    {
      Sid: 'ConsumeInterruptionQueue',
      Effect: 'Allow',
      Action: ['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
      Resource: [input.queueArn],
    },
    {
      Sid: 'PassNodeRole',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: [input.nodeRoleArn],
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    },
    {
      Sid: 'CreateOwnedInstanceProfiles',
      Effect: 'Allow',
      Action: ['iam:CreateInstanceProfile', 'iam:TagInstanceProfile'],
      Resource: [instanceProfiles],
      Condition: {
        StringEquals: { ...owned, 'aws:RequestTag/topology.kubernetes.io/region': region },
        StringLike: { 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' },
      },
    },
    {
      Sid: 'ManageOwnedInstanceProfiles',
      Effect: 'Allow',
      Action: ['iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile', 'iam:TagInstanceProfile'],
      Resource: [instanceProfiles],
      Condition: {
        StringEquals: { ...ownedResource, 'aws:ResourceTag/topology.kubernetes.io/region': region },
        StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*' },
      },
    },
    { Sid: 'ReadInstanceProfiles', Effect: 'Allow', Action: ['iam:GetInstanceProfile', 'iam:ListInstanceProfiles'], Resource: [instanceProfiles] },
    {
      Sid: 'DiscoverApiEndpoint',
      Effect: 'Allow',
      Action: ['eks:DescribeCluster'],
      Resource: [`arn:aws:eks:${region}:${accountId}:cluster/${clusterName}`],
    },
  ];
}
