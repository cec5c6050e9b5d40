import { describe, expect, it } from 'vitest';
import { awsTagProblem, labelKeyProblem, labelValueProblem } from './labels-and-tags.js';

describe('Kubernetes labels', () => {
  it('accepts keys with and without a prefix, and empty or short values', () => {
    expect(labelKeyProblem('platform.acme.example/pool', true)).toBeUndefined();
    expect(labelKeyProblem('node.kubernetes.io/lifecycle', true)).toBeUndefined();
    expect(labelKeyProblem('team', true)).toBeUndefined();
    expect(labelValueProblem('')).toBeUndefined();
    expect(labelValueProblem('data_v1.2')).toBeUndefined();
  });

  it('refuses bad keys, kubelet-reserved node labels and bad values', () => {
    expect(labelKeyProblem(`${'a'.repeat(64)}`, false)).toMatch(/1-63/);
    expect(labelKeyProblem('Bad_Prefix/x', false)).toMatch(/DNS subdomain/);
    expect(labelKeyProblem('kubernetes.io/role', true)).toMatch(/may not label themselves/);
    expect(labelKeyProblem('node-restriction.kubernetes.io/pool', true)).toMatch(/may not label themselves/);
    expect(labelKeyProblem('kubernetes.io/role', false)).toBeUndefined();
    expect(labelValueProblem('a'.repeat(64))).toMatch(/64 characters/);
    expect(labelValueProblem('has space')).toMatch(/invalid/);
    expect(labelValueProblem('-leading')).toMatch(/invalid/);
  });
});

describe('AWS tags', () => {
  it('accepts what AWS accepts', () => {
    expect(awsTagProblem('owner', '@acme/platform')).toBeUndefined();
    expect(awsTagProblem('cost-center', 'cc 1001: prod+eu=1')).toBeUndefined();
  });
  it('refuses long or odd values and reserved keys', () => {
    expect(awsTagProblem('cost-center', 'x'.repeat(257))).toMatch(/257 characters/);
    expect(awsTagProblem('cost-center', 'cc#1001')).toMatch(/characters AWS refuses/);
    expect(awsTagProblem('aws:owner', 'x')).toMatch(/reserved aws: prefix/);
    expect(awsTagProblem('k'.repeat(129), 'x')).toMatch(/1-128/);
  });
});
