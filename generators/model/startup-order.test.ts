import { describe, expect, it } from 'vitest';
import { startupCalls, startupCycleProblems } from './startup-order.js';

const svc = (name: string, kind: string, calls: string[]) => ({ file: `services/${name}/service.ts`, value: { name, kind, dependencies: { calls } } });

describe('start-up order of services', () => {
  it('takes only a gateway\'s calls as start-up needs', () => {
    expect(startupCalls(svc('edge', 'gateway', ['a']).value)).toEqual(['a']);
    expect(startupCalls(svc('a', 'api', ['b']).value)).toEqual([]);
  });

  it('accepts services that call each other', () => {
    expect(startupCycleProblems([svc('edge', 'gateway', ['a', 'b']), svc('a', 'api', ['b']), svc('b', 'worker', ['a', 'edge'])])).toEqual([]);
  });

  it('refuses gateways that need each other, in one line naming the files', () => {
    expect(startupCycleProblems([svc('west', 'gateway', ['east']), svc('east', 'gateway', ['west'])])).toEqual([
      {
        file: 'services/east/service.ts',
        path: 'dependencies.calls',
        message:
          'start-up cycle: east (services/east/service.ts) → west (services/west/service.ts) → east (services/east/service.ts); a gateway needs the services it calls running before it starts, so gateways cannot call each other in a circle',
      },
    ]);
  });
});
