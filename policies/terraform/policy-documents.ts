/**
 * Every IAM-style policy document of an environment's Terraform, as normalised statements:
 * string attributes named like a policy (`policy`, `assume_role_policy`, … at any depth, so
 * `inline_policy[0].policy` too) and `aws_iam_policy_document` data sources.
 */
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';
import { blocks, dict, isDict, str, strings, type Dict } from '../engine/values.js';
import { policySource } from './hcl-expression.js';

export interface StatementCondition {
  test: string;
  variable: string;
  values: string[];
}

export interface PolicyStatement {
  sid: string | undefined;
  /** As written: Allow, Deny, or an expression. */
  effect: string;
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  conditions: StatementCondition[];
}

export type PolicyDocument =
  | { block: TerraformBlock; attribute: string; statements: PolicyStatement[] }
  | { block: TerraformBlock; attribute: string; invalid: string };

const POLICY_ATTRIBUTES = new Set(['policy', 'assume_role_policy', 'policy_document', 'access_policies']);

const asStrings = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));

/** Statements of a JSON policy document (`Statement` may be one object or a list). */
export function jsonStatements(document: unknown): PolicyStatement[] {
  const raw = dict(document).Statement;
  return (Array.isArray(raw) ? raw : [raw]).filter(isDict).map((s) => ({
    sid: str(s.Sid),
    effect: str(s.Effect) ?? '',
    actions: asStrings(s.Action),
    notActions: asStrings(s.NotAction),
    resources: asStrings(s.Resource),
    notResources: asStrings(s.NotResource),
    conditions: Object.entries(dict(s.Condition)).flatMap(([test, byVariable]) =>
      Object.entries(dict(byVariable)).map(([variable, values]) => ({ test, variable, values: asStrings(values) })),
    ),
  }));
}

/** Statements of an `aws_iam_policy_document` data source (effect defaults to Allow). */
export function dataSourceStatements(attrs: Dict): PolicyStatement[] {
  return blocks(attrs.statement).map((s) => ({
    sid: str(s.sid),
    effect: str(s.effect) ?? 'Allow',
    actions: strings(s.actions),
    notActions: strings(s.not_actions),
    resources: strings(s.resources),
    notResources: strings(s.not_resources),
    conditions: blocks(s.condition).map((c) => ({ test: str(c.test) ?? '', variable: str(c.variable) ?? '', values: strings(c.values) })),
  }));
}

/** The policy-bearing string attributes of a block, with their paths (`inline_policy[0].policy`). */
function policyAttributes(value: unknown, path: string): { attribute: string; value: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => policyAttributes(item, `${path}[${i}]`));
  if (!isDict(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const attribute = path ? `${path}.${key}` : key;
    if (POLICY_ATTRIBUTES.has(key) && typeof inner === 'string') return [{ attribute, value: inner }];
    return policyAttributes(inner, attribute);
  });
}

/**
 * The document a policy attribute holds: parsed JSON or jsonencode, or the statements of the
 * `aws_iam_policy_document` it references. References to other attributes (another resource's
 * `.policy`) are left out: that document is read where it is written.
 */
export function resolvePolicy(tf: TerraformEnvironment, block: TerraformBlock, attribute: string, value: string): PolicyDocument | undefined {
  const source = policySource(value);
  switch (source.kind) {
    case 'document':
      return { block, attribute, statements: jsonStatements(source.document) };
    case 'invalid':
      return { block, attribute, invalid: source.reason };
    case 'data-source': {
      const data = tf.dataSources('aws_iam_policy_document').find((d) => d.stack === block.stack && d.address === source.address);
      return data ? { block, attribute, statements: dataSourceStatements(data.attrs) } : undefined;
    }
    case 'opaque':
      return undefined;
  }
}

/**
 * Every document once: written in an attribute (JSON or jsonencode), or as a data source (an
 * attribute that references a data source is not counted again).
 */
export function policyDocuments(tf: TerraformEnvironment): PolicyDocument[] {
  const fromAttributes = tf.resources().flatMap((block) =>
    policyAttributes(block.attrs, '').flatMap(({ attribute, value }) => {
      const kind = policySource(value).kind;
      return kind === 'document' || kind === 'invalid' ? (resolvePolicy(tf, block, attribute, value) ?? []) : [];
    }),
  );
  const fromDataSources = tf
    .dataSources('aws_iam_policy_document')
    .map((block) => ({ block, attribute: 'statement', statements: dataSourceStatements(block.attrs) }));
  return [...fromAttributes, ...fromDataSources];
}
