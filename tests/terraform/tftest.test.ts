import { describe, expect, it } from 'vitest';
import type { GeneratedStack } from './generated-stacks.js';
import { mockProviders, mockValue, planTestFile } from './tftest.js';

const account = { accountId: '111111111111', region: 'eu-west-1' };

describe('mockValue', () => {
  it('keeps literals, list lengths and map keys, and shapes ARNs like ARNs', () => {
    expect(
      mockValue(
        {
          zones: ['eu-west-1a', 'eu-west-1b'],
          subnets: ['${aws_subnet.a.id}', '${aws_subnet.b.id}'],
          key: '${aws_kms_key.kms_key_logs.arn}',
          oidc: '${aws_iam_openid_connect_provider.eks_oidc_provider.arn}',
          bucket: '${aws_s3_bucket.bucket_raw.arn}',
          host: '${local.irsa_condition_prefix}',
        },
        account,
      ),
    ).toEqual({
      zones: ['eu-west-1a', 'eu-west-1b'],
      subnets: ['mock-a-id', 'mock-b-id'],
      key: 'arn:aws:kms:eu-west-1:111111111111:key/mock-kms_key_logs',
      oidc: 'arn:aws:iam::111111111111:oidc-provider/mock-eks_oidc_provider',
      bucket: 'arn:aws:s3:::mock-bucket_raw',
      host: 'mock-local-irsa-condition-prefix',
    });
  });
});

describe('planTestFile', () => {
  it('plans each stack in its own run with overrides built from the upstream outputs', () => {
    const stack = (name: string, json: GeneratedStack['json']): GeneratedStack => ({ env: 'dev', stack: name, path: `${name}.tf.json`, text: '', json, lock: null });
    const network = stack('network', { output: { vpc_id: { value: '${aws_vpc.vpc.id}' } } });
    const cluster = stack('cluster', { data: { terraform_remote_state: { network: {} } }, provider: { aws: [{ region: 'eu-west-1' }] } });
    const text = planTestFile([{ stack: cluster, source: '../cluster' }], () => network.json, account);
    expect(text).toContain(
      'run "cluster" {\n  command = plan\n  module {\n    source = "../cluster"\n  }\n  override_data {\n    target = data.terraform_remote_state.network\n    values = {"outputs":{"vpc_id":"mock-vpc-id"}}\n  }\n}',
    );
    expect(text).toMatch(/^mock_provider "aws" \{/m);
  });
});

describe('mockProviders', () => {
  it('mocks every provider configuration the stacks declare, aliases included, once each', () => {
    const stack = (name: string, provider: Record<string, unknown[]>): GeneratedStack => ({ env: 'dev', stack: name, path: '', text: '', json: { provider }, lock: null });
    const text = mockProviders([stack('a', { aws: [{ region: 'eu-west-1' }] }), stack('b', { aws: [{ region: 'eu-west-1' }, { alias: 'replica', region: 'eu-central-1' }] })]);
    expect(text.match(/^mock_provider .*$/gm)).toEqual(['mock_provider "aws" {', 'mock_provider "aws" {']);
    expect(text).toContain('mock_provider "aws" {\n  alias = "replica"\n  mock_data "aws_secretsmanager_random_password"');
    expect(text.match(/mock_data/g)).toHaveLength(2);
  });
});
