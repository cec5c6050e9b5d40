/** IAM policy documents as `jsonencode(...)` expressions, so ARNs of other resources can appear in them. */
import { Fn } from 'cdktf';

export interface Statement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource?: string[] | string;
  Principal?: Record<string, string | string[]>;
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export function policyDocument(statements: Statement[]): string {
  return Fn.jsonencode({ Version: '2012-10-17', Statement: statements });
}

export function assumeRoleByService(service: string): string {
  return policyDocument([{ Sid: 'AssumeByService', Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: service } }]);
}

/** Key policy: the account administers the key through IAM; extra statements grant services. */
export function keyPolicy(accountId: string, extra: Statement[]): string {
  return policyDocument([
    {
      Sid: 'AccountAdministersKeyThroughIam',
      Effect: 'Allow',
      Action: ['kms:*'],
      Resource: '*',
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    },
    ...extra,
  ]);
}
