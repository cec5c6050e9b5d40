import { describe, expect, it } from 'vitest';
import { irsaTrustPolicy, policyDocument } from './iam.js';
import { terraformId } from './irsa.js';

describe('irsaTrustPolicy', () => {
  it('trusts exactly one service account, for STS-audience tokens of the cluster\'s issuer', () => {
    const policy = irsaTrustPolicy(
      { arn: '${aws_iam_openid_connect_provider.eks_oidc_provider.arn}', issuerHost: '${local.irsa_condition_prefix}' },
      { namespace: 'platform-system', serviceAccount: 'velero' },
    );
    expect(JSON.parse(policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AssumeFromServiceAccount',
          Effect: 'Allow',
          Action: ['sts:AssumeRoleWithWebIdentity'],
          Principal: { Federated: '${aws_iam_openid_connect_provider.eks_oidc_provider.arn}' },
          Condition: {
            StringEquals: {
              '${local.irsa_condition_prefix}:sub': 'system:serviceaccount:platform-system:velero',
              '${local.irsa_condition_prefix}:aud': 'sts.amazonaws.com',
            },
          },
        },
      ],
    });
  });

  it('renders policies as plain JSON text, keeping Terraform references inside strings', () => {
    expect(policyDocument([{ Sid: 'A', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['${aws_s3_bucket.b.arn}/*'] }])).toBe(
      '{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:GetObject"],"Resource":["${aws_s3_bucket.b.arn}/*"]}]}',
    );
  });
});

describe('terraformId', () => {
  it.each([
    ['aws-load-balancer-controller', 'aws_load_balancer_controller'],
    ['eu-west-1a', 'eu_west_1a'],
    ['ecr.api', 'ecr_api'],
    ['AmazonEKSWorkerNodePolicy', 'amazon_eks_worker_node_policy'],
    ['AmazonEC2ContainerRegistryPullOnly', 'amazon_ec2_container_registry_pull_only'],
    ['AmazonEKS_CNI_Policy', 'amazon_eks_cni_policy'],
  ])('%s → %s', (name, id) => expect(terraformId(name)).toBe(id));
});
