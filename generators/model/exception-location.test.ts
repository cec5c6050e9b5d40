import { describe, expect, it } from 'vitest';
import type { PolicyException } from '../../environments/types.js';
import { exceptionLocation } from './exception-location.js';

const exception = (resource: string): PolicyException => ({ rule: 'K8S-001', resource, reason: 'r', expires: '2030-01-01' });
const shared = [{ file: 'environments/shared/agents.ts', field: 'agentExceptions', exceptions: [exception('a'), exception('b')] }];

describe('where a policy exception is defined', () => {
  it('is the shared list it comes from, found by content even in a copy', () => {
    expect(exceptionLocation('environments/dev.ts', 5, structuredClone(exception('b')), shared)).toEqual({ file: 'environments/shared/agents.ts', path: 'agentExceptions[1]' });
  });

  it('is the environment file otherwise', () => {
    expect(exceptionLocation('environments/dev.ts', 5, exception('c'), shared)).toEqual({ file: 'environments/dev.ts', path: 'policyExceptions[5]' });
  });
});
