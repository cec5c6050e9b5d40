/**
 * The part of a stack `terraform test` cannot see: its provider blocks (the test's mocked provider
 * replaces them, and a mock accepts any configuration). One root module holds a copy of every
 * stack's provider configurations, each under an alias naming its stack, and one
 * `terraform validate` checks them all against the real provider (unknown or deprecated arguments,
 * wrong types) with the provider schema loaded once. `terraform validate` skips a provider
 * configuration that nothing uses (verified with Terraform 1.11.4: an unknown argument in an
 * unused provider block passes), so each copy gets a data source that uses it and that validate
 * never reads (`ANCHORS`).
 *
 * Each configuration sits on its own line, so a diagnostic's line names the stack it belongs to.
 * Configurations are copied literally: one that refers to anything (`${…}`) could not be validated
 * outside its stack, and is reported instead of being skipped silently.
 */
import type { GeneratedStack } from './generated-stacks.js';

export interface ProviderRoot {
  /** main.tf.json of the validation root. */
  text: string;
  /** 1-based line of the root → label of the stack whose configuration it holds. */
  owners: Map<number, string>;
  /** Stacks whose provider configurations cannot be copied, with the reason. */
  uncopyable: Map<string, string>;
}

/** Per provider, a data source with no required arguments that makes `validate` check a configuration. */
export const ANCHORS: Record<string, string> = { aws: 'aws_region' };

const aliasOf = (label: string, alias: string | undefined) => `${label}${alias ? `__${alias}` : ''}`.replace(/[^A-Za-z0-9_]/g, '_');

export function providerRoot(stacks: readonly { label: string; stack: GeneratedStack }[]): ProviderRoot {
  const requiredProviders: Record<string, unknown> = {};
  const lines: { provider: string; config: Record<string, unknown>; label: string }[] = [];
  const uncopyable = new Map<string, string>();
  for (const { label, stack } of stacks) {
    const required = (stack.json.terraform?.required_providers ?? {}) as Record<string, unknown>;
    Object.assign(requiredProviders, required);
    for (const [provider, configs] of Object.entries(stack.json.provider ?? {})) {
      for (const config of configs as Record<string, unknown>[]) {
        const text = JSON.stringify(config);
        if (text.includes('${')) {
          uncopyable.set(label, `its ${provider} provider configuration refers to other values (${text}); validate this stack as a root module instead`);
          continue;
        }
        if (!ANCHORS[provider]) {
          uncopyable.set(label, `no data source in ANCHORS (tests/terraform/provider-configurations.ts) makes terraform validate check its ${provider} provider configuration`);
          continue;
        }
        lines.push({ provider, config: { ...config, alias: aliasOf(label, config.alias as string | undefined) }, label });
      }
    }
  }
  const byProvider = [...new Set(lines.map((l) => l.provider))].sort();
  const text: string[] = [`{"terraform": ${JSON.stringify({ required_providers: requiredProviders })},`, '"provider": {'];
  const owners = new Map<number, string>();
  byProvider.forEach((provider, p) => {
    const own = lines.filter((l) => l.provider === provider);
    text.push(`${JSON.stringify(provider)}: [`);
    own.forEach((line, i) => {
      text.push(JSON.stringify(line.config) + (i < own.length - 1 ? ',' : ''));
      owners.set(text.length, line.label);
    });
    text.push(`]${p < byProvider.length - 1 ? ',' : ''}`);
  });
  const anchors: Record<string, Record<string, { provider: string }>> = {};
  for (const line of lines) (anchors[ANCHORS[line.provider]!] ??= {})[line.config.alias as string] = { provider: `${line.provider}.${line.config.alias as string}` };
  text.push('},', `"data": ${JSON.stringify(anchors)}}`);
  return { text: text.join('\n') + '\n', owners, uncopyable };
}
