/** Every IAM-style policy document (IAM, KMS key, bucket, queue and topic policies) in a configuration, parsed. */
import { resources, type TerraformJson } from './generated-stacks.js';

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  Resource?: string | string[];
  Principal?: string | Record<string, string | string[]>;
  Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
  address: string;
  attribute: string;
  statements: PolicyStatement[];
}

const POLICY_ATTRIBUTES = ['policy', 'assume_role_policy'];

export function policyDocuments(json: TerraformJson): PolicyDocument[] {
  const documents: PolicyDocument[] = [];
  for (const [type, id, body] of resources(json)) {
    for (const attribute of POLICY_ATTRIBUTES) {
      const text = body[attribute];
      if (typeof text !== 'string') continue;
      const parsed = JSON.parse(text) as { Statement?: PolicyStatement[] };
      if (parsed.Statement) documents.push({ address: `${type}.${id}`, attribute, statements: parsed.Statement });
    }
  }
  return documents;
}

export const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
