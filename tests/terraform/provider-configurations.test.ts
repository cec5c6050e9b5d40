import { describe, expect, it } from 'vitest';
import type { GeneratedStack } from './generated-stacks.js';
import { providerRoot } from './provider-configurations.js';

const stack = (name: string, provider: Record<string, unknown[]>): { label: string; stack: GeneratedStack } => ({
  label: `dev/${name}`,
  stack: { env: 'dev', stack: name, path: '', text: '', lock: null, json: { provider, terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } } } } },
});

describe('providerRoot', () => {
  it('copies every provider configuration under an alias naming its stack, one per line, and knows which line is whose', () => {
    const root = providerRoot([stack('network', { aws: [{ region: 'eu-west-1' }] }), stack('data', { aws: [{ region: 'eu-west-1' }, { alias: 'replica', region: 'eu-central-1' }] })]);
    const json = JSON.parse(root.text) as { provider: { aws: { alias: string; region: string }[] }; terraform: unknown; data: unknown };
    expect(json.provider.aws.map((c) => [c.alias, c.region])).toEqual([
      ['dev_network', 'eu-west-1'],
      ['dev_data', 'eu-west-1'],
      ['dev_data__replica', 'eu-central-1'],
    ]);
    expect(json.data).toEqual({ aws_region: { dev_network: { provider: 'aws.dev_network' }, dev_data: { provider: 'aws.dev_data' }, dev_data__replica: { provider: 'aws.dev_data__replica' } } });
    expect(json.terraform).toEqual({ required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } } });
    const lines = root.text.split('\n');
    expect([...root.owners].map(([line, label]) => [JSON.parse(lines[line - 1]!.replace(/,$/, '')).alias, label])).toEqual([
      ['dev_network', 'dev/network'],
      ['dev_data', 'dev/data'],
      ['dev_data__replica', 'dev/data'],
    ]);
    expect(root.uncopyable.size).toBe(0);
  });

  it('reports a configuration that refers to other values instead of copying it', () => {
    const root = providerRoot([stack('network', { aws: [{ region: '${var.region}' }] })]);
    expect(root.uncopyable.get('dev/network')).toMatch(/refers to other values/);
    expect(root.owners.size).toBe(0);
  });

  it('reports a provider it knows no data source of to make validate check it', () => {
    const root = providerRoot([stack('network', { other: [{ setting: 'x' }] })]);
    expect(root.uncopyable.get('dev/network')).toMatch(/no data source in ANCHORS/);
  });
});
