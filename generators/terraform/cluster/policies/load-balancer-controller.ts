/**
 * AWS Load Balancer Controller: reads the network and load balancer inventory, and creates,
 * changes and deletes only load balancers, target groups and security groups tagged with this
 * cluster's `elbv2.k8s.aws/cluster` tag. WAF and Shield are read, never associated.
 */
import type { Statement } from '../../iam.js';

export interface LoadBalancerControllerPolicyInput {
  region: string;
  accountId: string;
  clusterName: string;
}

export function loadBalancerControllerStatements({ region, accountId, clusterName }: LoadBalancerControllerPolicyInput): Statement[] {
  const elb = (resource: string) => `arn:aws:elasticloadbalancing:${region}:${accountId}:${resource}`;
  const securityGroups = `arn:aws:ec2:${region}:${accountId}:security-group/*`;
  const balancers = [elb('loadbalancer/app/*'), elb('loadbalancer/net/*'), elb('targetgroup/*/*')];
  const listeners = [elb('listener/app/*'), elb('listener/net/*'), elb('listener-rule/app/*'), elb('listener-rule/net/*')];
  const tagKey = 'elbv2.k8s.aws/cluster';
  return [
    {
      Sid: 'ReadInventory',
      Effect: 'Allow',
      Action: [
        'ec2:DescribeAccountAttributes',
        'ec2:DescribeAddresses',
        'ec2:DescribeAvailabilityZones',
        'ec2:DescribeInternetGateways',
        'ec2:DescribeVpcs',
        'ec2:DescribeVpcPeeringConnections',
        'ec2:DescribeSubnets',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeInstances',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DescribeTags',
        'ec2:DescribeRouteTables',
        'ec2:DescribeIpamPools',
        'ec2:DescribeCoipPools',
        'ec2:GetCoipPoolUsage',
        'ec2:GetSecurityGroupsForVpc',
        'elasticloadbalancing:DescribeLoadBalancers',
        'elasticloadbalancing:DescribeLoadBalancerAttributes',
        'elasticloadbalancing:DescribeListeners',
        'elasticloadbalancing:DescribeListenerAttributes',
        'elasticloadbalancing:DescribeListenerCertificates',
        'elasticloadbalancing:DescribeSSLPolicies',
        'elasticloadbalancing:DescribeRules',
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeTargetGroupAttributes',
        'elasticloadbalancing:DescribeTargetHealth',
        'elasticloadbalancing:DescribeTags',
        'elasticloadbalancing:DescribeTrustStores',
        'elasticloadbalancing:DescribeCapacityReservation',
        'acm:ListCertificates',
        'acm:DescribeCertificate',
        'iam:ListServerCertificates',
        'iam:GetServerCertificate',
        'cognito-idp:DescribeUserPoolClient',
        'wafv2:GetWebACL',
        'wafv2:GetWebACLForResource',
        'shield:GetSubscriptionState',
        'shield:DescribeProtection',
      ],
      Resource: '*',
    },
    {
      Sid: 'CreateElbServiceLinkedRole',
      Effect: 'Allow',
      Action: ['iam:CreateServiceLinkedRole'],
      Resource: '*',
      Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
    },
    {
      Sid: 'CreateOwnSecurityGroups',
      Effect: 'Allow',
      Action: ['ec2:CreateSecurityGroup'],
      Resource: '*',
      Condition: { StringEquals: { [`aws:RequestTag/${tagKey}`]: clusterName } },
    },
    {
      Sid: 'TagSecurityGroupsOnCreate',
      Effect: 'Allow',
      Action: ['ec2:CreateTags'],
      Resource: [securityGroups],
      Condition: { StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' } },
    },
    {
      // Node security groups are not the controller's, but it must open them to its load balancers.
      Sid: 'OpenIngressToTargets',
      Effect: 'Allow',
      Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
      Resource: [securityGroups],
    },
    {
      Sid: 'ManageOwnSecurityGroups',
      Effect: 'Allow',
      Action: ['ec2:DeleteSecurityGroup', 'ec2:CreateTags', 'ec2:DeleteTags'],
      Resource: [securityGroups],
      Condition: { StringEquals: { [`aws:ResourceTag/${tagKey}`]: clusterName } },
    },
    {
      Sid: 'CreateOwnLoadBalancers',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
      Resource: '*',
      Condition: { StringEquals: { [`aws:RequestTag/${tagKey}`]: clusterName } },
    },
    {
      Sid: 'TagOnCreate',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:AddTags'],
      Resource: [...balancers, ...listeners],
      Condition: {
        StringEquals: { 'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer', 'CreateListener', 'CreateRule'] },
      },
    },
    {
      Sid: 'ManageOwnLoadBalancers',
      Effect: 'Allow',
      Action: [
        'elasticloadbalancing:AddTags',
        'elasticloadbalancing:RemoveTags',
        'elasticloadbalancing:ModifyLoadBalancerAttributes',
        'elasticloadbalancing:ModifyCapacityReservation',
        'elasticloadbalancing:SetIpAddressType',
        'elasticloadbalancing:SetSecurityGroups',
        'elasticloadbalancing:SetSubnets',
        'elasticloadbalancing:DeleteLoadBalancer',
        'elasticloadbalancing:ModifyTargetGroup',
        'elasticloadbalancing:ModifyTargetGroupAttributes',
        'elasticloadbalancing:DeleteTargetGroup',
      ],
      Resource: balancers,
      Condition: { StringEquals: { [`aws:ResourceTag/${tagKey}`]: clusterName } },
    },
    {
      Sid: 'ManageListenersAndRules',
      Effect: 'Allow',
      Action: [
        'elasticloadbalancing:CreateListener',
        'elasticloadbalancing:DeleteListener',
        'elasticloadbalancing:ModifyListener',
        'elasticloadbalancing:ModifyListenerAttributes',
        'elasticloadbalancing:AddListenerCertificates',
        'elasticloadbalancing:RemoveListenerCertificates',
        'elasticloadbalancing:CreateRule',
        'elasticloadbalancing:DeleteRule',
        'elasticloadbalancing:ModifyRule',
        'elasticloadbalancing:SetRulePriorities',
      ],
      Resource: [...balancers, ...listeners],
    },
    {
      Sid: 'RegisterTargets',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'],
      Resource: [elb('targetgroup/*/*')],
    },
  ];
}
