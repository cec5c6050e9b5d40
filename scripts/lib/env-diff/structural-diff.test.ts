import { describe, expect, it } from 'vitest';
import { manifestSensitivity } from './manifest-objects.js';
import { hasSensitiveName } from './secrets.js';
import { diffFields } from './structural-diff.js';
import { terraformSensitivity } from './terraform-differ.js';

describe('field-level diff', () => {
  it('reports added, removed and changed keys by path, in key order', () => {
    expect(diffFields({ a: 1, b: { c: 'x', d: true }, gone: 1 }, { a: 2, b: { c: 'x', d: false, e: null }, new: [1] }, hasSensitiveName)).toEqual([
      { path: 'a', change: 'changed', before: 1, after: 2 },
      { path: 'b.d', change: 'changed', before: true, after: false },
      { path: 'b.e', change: 'added', after: null },
      { path: 'gone', change: 'removed', before: 1 },
      { path: 'new', change: 'added', after: [1] },
    ]);
  });

  it('keys list items by name, so an insertion does not shift later items', () => {
    const before = { containers: [{ name: 'app', image: 'a:1' }, { name: 'proxy', image: 'p:1' }] };
    const after = { containers: [{ name: 'init', image: 'i:1' }, { name: 'app', image: 'a:2' }, { name: 'proxy', image: 'p:1' }] };
    expect(diffFields(before, after, hasSensitiveName)).toEqual([
      { path: 'containers[name=app].image', change: 'changed', before: 'a:1', after: 'a:2' },
      { path: 'containers[name=init]', change: 'added', after: { name: 'init', image: 'i:1' } },
    ]);
  });

  it('compares lists of plain values as a whole and lists without identifiers by index', () => {
    expect(diffFields({ subnets: ['a', 'b'] }, { subnets: ['a', 'c'] }, hasSensitiveName)).toEqual([
      { path: 'subnets', change: 'changed', before: ['a', 'b'], after: ['a', 'c'] },
    ]);
    expect(diffFields({ rules: [{ port: 1 }, { port: 2 }] }, { rules: [{ port: 1 }] }, hasSensitiveName)).toEqual([
      { path: 'rules[1]', change: 'removed', before: { port: 2 } },
    ]);
  });

  it('diffs JSON documents embedded in strings structurally (IAM policies) and quotes odd keys', () => {
    const policy = (action: string) => JSON.stringify({ Statement: [{ Action: action, Effect: 'Allow' }] });
    expect(diffFields({ policy: policy('s3:GetObject'), tags: { 'kubernetes.io/role': 'a' } }, { policy: policy('s3:*'), tags: { 'kubernetes.io/role': 'b' } }, hasSensitiveName)).toEqual([
      { path: 'policy(json).Statement[0].Action', change: 'changed', before: 's3:GetObject', after: 's3:*' },
      { path: 'tags["kubernetes.io/role"]', change: 'changed', before: 'a', after: 'b' },
    ]);
  });
});

describe('secret safety', () => {
  it('hides secret-named fields and list items, but never booleans', () => {
    const before = { master_password: 'old', env: [{ name: 'DB_PASSWORD', value: 'p1' }], automountServiceAccountToken: true, auth_token_update_strategy: 'ROTATE' };
    const after = { master_password: 'new', env: [{ name: 'DB_PASSWORD', value: 'p2' }], automountServiceAccountToken: false, auth_token_update_strategy: 'SET' };
    expect(diffFields(before, after, hasSensitiveName)).toEqual([
      { path: 'auth_token_update_strategy', change: 'changed', before: 'ROTATE', after: 'SET' },
      { path: 'automountServiceAccountToken', change: 'changed', before: true, after: false },
      { path: 'env[name=DB_PASSWORD].value', change: 'changed', sensitive: true },
      { path: 'master_password', change: 'changed', sensitive: true },
    ]);
  });

  it('redacts secrets nested in a shown value and hides values that look like credentials', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----';
    expect(diffFields({}, { container: { name: 'x', env: [{ name: 'API_TOKEN', value: 't0k3n' }, { name: 'MODE', value: 'fast' }] } }, hasSensitiveName)).toEqual([
      { path: 'container', change: 'added', after: { name: 'x', env: [{ name: 'API_TOKEN', value: '(hidden)' }, { name: 'MODE', value: 'fast' }] } },
    ]);
    expect(diffFields({ cert: 'a' }, { cert: pem }, hasSensitiveName)).toEqual([{ path: 'cert', change: 'changed', sensitive: true }]);
    expect(diffFields({ url: 'postgres://db/app' }, { url: 'postgres://app:hunter2@db/app' }, hasSensitiveName)).toEqual([{ path: 'url', change: 'changed', sensitive: true }]);
  });

  it('hides all Secret data and the data an ExternalSecret template renders', () => {
    const secret = manifestSensitivity('Secret');
    expect(diffFields({ data: { user: 'YQ==' } }, { data: { user: 'Yg==', extra: 'Yw==' } }, secret)).toEqual([
      { path: 'data.extra', change: 'added', sensitive: true },
      { path: 'data.user', change: 'changed', sensitive: true },
    ]);
    const external = manifestSensitivity('ExternalSecret');
    const spec = (dsn: string, key: string) => ({ spec: { target: { template: { data: { DSN: dsn } } }, data: [{ secretKey: 'pw', remoteRef: { key } }] } });
    expect(diffFields(spec('a', 'k1'), spec('b', 'k2'), external)).toEqual([
      { path: 'spec.data[secretKey=pw].remoteRef.key', change: 'changed', before: 'k1', after: 'k2' },
      { path: 'spec.target.template.data.DSN', change: 'changed', sensitive: true },
    ]);
  });

  it('hides sensitive Terraform outputs and variables entirely, and SSM parameter values', () => {
    const output = terraformSensitivity('output.token', { value: 'a', sensitive: true }, { value: 'b', sensitive: true });
    expect(diffFields({ value: 'a', sensitive: true, description: 'x' }, { value: 'b', sensitive: true, description: 'y' }, output)).toEqual([
      { path: 'description', change: 'changed', before: 'x', after: 'y' },
      { path: 'value', change: 'changed', sensitive: true },
    ]);
    const ssm = terraformSensitivity('aws_ssm_parameter.p', {}, {});
    expect(diffFields({ value: 'a', name: '/x' }, { value: 'b', name: '/y' }, ssm)).toEqual([
      { path: 'name', change: 'changed', before: '/x', after: '/y' },
      { path: 'value', change: 'changed', sensitive: true },
    ]);
  });
});
