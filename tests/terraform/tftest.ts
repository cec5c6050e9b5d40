/**
 * Writes the `.tftest.hcl` that plans stacks offline: the AWS provider mocked, and every
 * `terraform_remote_state` read replaced by values shaped like the upstream stack's real outputs
 * (lists keep their length, ARNs look like ARNs), so the plan sees what it would see after the
 * upstream apply.
 */
import type { GeneratedStack, TerraformJson } from './generated-stacks.js';

const REFERENCE = /^\$\{([a-z0-9_]+)\.([a-z0-9_]+)\.([a-z0-9_]+)\}$/;

const ARN_SERVICES: [prefix: string, service: string, resource: string][] = [
  ['aws_kms_', 'kms', 'key'],
  ['aws_iam_openid_connect_provider', 'iam', 'oidc-provider'],
  ['aws_iam_', 'iam', 'role'],
  ['aws_msk_', 'kafka', 'cluster'],
  ['aws_sns_', 'sns', 'topic'],
  ['aws_s3_', 's3', ''],
];

export interface Account {
  accountId: string;
  region: string;
}

/** A stand-in for one upstream output value, derived from the expression that produces it. */
export function mockValue(value: unknown, account: Account): unknown {
  if (Array.isArray(value)) return value.map((v) => mockValue(v, account));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mockValue(v, account)]));
  }
  if (typeof value !== 'string') return value;
  const reference = REFERENCE.exec(value);
  if (!reference) return value.includes('${') ? `mock-${value.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}` : value;
  const [, type, id, attribute] = reference as unknown as [string, string, string, string];
  if (attribute === 'arn') {
    const [, service, resource] = ARN_SERVICES.find(([prefix]) => type.startsWith(prefix)) ?? ['', 'mock', 'resource'];
    if (service === 's3') return `arn:aws:s3:::mock-${id}`;
    const region = service === 'iam' ? '' : account.region;
    return `arn:aws:${service}:${region}:${account.accountId}:${resource}/mock-${id}`;
  }
  return `mock-${id}-${attribute}`;
}

/**
 * Mocked values where the configuration feeds a mocked data source into an argument the provider
 * validates at plan time (the mock's default strings are short random text): a Secrets Manager
 * generated password is 64 alphanumeric characters, as requested.
 */
const MOCK_DATA: Record<string, string> = {
  aws: `  mock_data "aws_secretsmanager_random_password" {
    defaults = {
      random_password = "${'Mock0Password0'.repeat(5).slice(0, 64)}"
    }
  }`,
};

/** Every provider configuration a stack declares, as `name` or `name.alias`. */
export function providerConfigurations(json: TerraformJson): string[] {
  return Object.entries(json.provider ?? {}).flatMap(([name, configs]) =>
    (configs as { alias?: string }[]).map((config) => (config.alias ? `${name}.${config.alias}` : name)),
  );
}

/**
 * One mocked provider per configuration the planned stacks declare (aliases included: a
 * configuration left unmocked would be a real provider, configured with credentials at plan time).
 * The mock replaces the stack's own provider block, which `terraform test` therefore never
 * validates: provider-configurations.ts does that.
 */
export function mockProviders(stacks: readonly GeneratedStack[]): string {
  const keys = [...new Set(stacks.flatMap((s) => providerConfigurations(s.json)))].sort();
  return keys
    .map((key) => {
      const [name, alias] = key.split('.') as [string, string | undefined];
      const body = [...(alias ? [`  alias = ${JSON.stringify(alias)}`] : []), ...(MOCK_DATA[name] ? [MOCK_DATA[name]] : [])];
      return [`mock_provider ${JSON.stringify(name)} {`, ...body, '}'].join('\n');
    })
    .join('\n\n');
}

/** Upstream stacks a configuration reads through `data.terraform_remote_state.<stack>`. */
export function remoteStateReads(json: TerraformJson): string[] {
  return Object.keys(json.data?.terraform_remote_state ?? {}).sort();
}

/** `override_data` blocks that stand in for the stack's remote-state reads. */
export function remoteStateOverrides(stack: GeneratedStack, upstream: (name: string) => TerraformJson, account: Account): string[] {
  return remoteStateReads(stack.json).map((name) => {
    const outputs = Object.fromEntries(Object.entries(upstream(name).output ?? {}).map(([key, o]) => [key, mockValue(o.value, account)]));
    // JSON is valid HCL expression syntax; mocked values never contain `${`.
    return `  override_data {\n    target = data.terraform_remote_state.${name}\n    values = ${JSON.stringify({ outputs })}\n  }`;
  });
}

export interface PlannedStack {
  stack: GeneratedStack;
  /** Path of the stack's directory relative to the test's root module (starts with ./ or ../). */
  source: string;
}

/**
 * One test file that plans several stacks of an environment: one `run` per stack, each loading
 * the stack as its module with its own remote-state overrides. One Terraform process then loads
 * the provider schema once instead of once per stack.
 */
export function planTestFile(planned: PlannedStack[], upstream: (name: string) => TerraformJson, account: Account): string {
  const runs = planned.map(({ stack, source }) =>
    [`run "${stack.stack}" {`, '  command = plan', `  module {\n    source = ${JSON.stringify(source)}\n  }`, ...remoteStateOverrides(stack, upstream, account), '}'].join(
      '\n',
    ),
  );
  return ['# Offline plans: generated by tests/terraform/offline-check.ts, never committed.', mockProviders(planned.map((p) => p.stack)), ...runs].join('\n\n') + '\n';
}
