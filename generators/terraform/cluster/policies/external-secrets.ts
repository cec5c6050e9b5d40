/**
 * External Secrets Operator: reads the environment's secrets (everything under the naming
 * contract's secret prefix, nothing else such as the Aurora master secret) and decrypts them with
 * the environment's secrets key, only through Secrets Manager.
 */
import { arn, type Statement } from '../../iam.js';

export interface ExternalSecretsPolicyInput {
  region: string;
  accountId: string;
  secretPrefix: string;
  secretsKeyAlias: string;
}

export function externalSecretsStatements({ region, accountId, secretPrefix, secretsKeyAlias }: ExternalSecretsPolicyInput): Statement[] {
  return [
    {
      Sid: 'ReadEnvironmentSecrets',
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecretVersionIds'],
      Resource: [arn.secret(region, accountId, `${secretPrefix}*`)],
    },
    {
      // The key lives in the data stack, applied after this one: select it by alias, not by ARN.
      Sid: 'DecryptThroughSecretsManager',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: [arn.anyKey(region, accountId)],
      Condition: {
        StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` },
        'ForAnyValue:StringEquals': { 'kms:ResourceAliases': secretsKeyAlias },
      },
    },
  ];
}
