import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity.js';
import { containerResourceProblems } from './resource-checks.js';

describe('Kubernetes quantities', () => {
  it.each([
    ['250m', 0.25],
    ['2', 2],
    ['1.5', 1.5],
    ['512Mi', 512 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['100k', 1e5],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('%s is %d base units', (text, value) => expect(parseQuantity(text)).toBeCloseTo(value));

  it.each(['', 'Gi', '1 Gi', '1gb', '1.2.3', 'm'])('%j is not a quantity', (text) => expect(parseQuantity(text)).toBeUndefined());
});

describe('requests within limits', () => {
  const file = 'services/x/service.ts';
  it('accepts equal and lower requests, comparing across units', () => {
    expect(containerResourceProblems(file, 'resources', { cpuRequest: '1', cpuLimit: '1000m', memoryRequest: '1024Mi', memoryLimit: '1Gi' })).toEqual([]);
  });

  it('refuses a request above its limit, one line per pair', () => {
    expect(containerResourceProblems(file, 'environments.prod.resources', { cpuRequest: '1500m', cpuLimit: '1', memoryRequest: '2Gi', memoryLimit: '1536Mi' })).toEqual([
      { file, path: 'environments.prod.resources.cpuRequest', message: 'cpuRequest 1500m is above cpuLimit 1; expected a request no greater than its limit' },
      { file, path: 'environments.prod.resources.memoryRequest', message: 'memoryRequest 2Gi is above memoryLimit 1536Mi; expected a request no greater than its limit' },
    ]);
  });
});
