/** The declarations the wiring policies read: metrics on the scraped port, partitions declared once, by producers. */
import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '../../services/types.js';
import { minimalService, service } from '../kubernetes/test-fixtures.js';
import { checkWiringDeclarations } from './wiring-declaration-checks.js';

const check = (services: ServiceDefinition[]) => checkWiringDeclarations(services.map((s) => ({ file: `services/${s.name}/service.ts`, value: s })));
const withTopics = (name: string, topics: ServiceDefinition['dependencies']['topics']) => service({ name, dependencies: { ...minimalService.dependencies, topics } });

describe('wiring declaration checks', () => {
  it('accept the minimal service and producers that agree on partitions', () => {
    expect(check([minimalService, withTopics('a', [{ name: 't', access: 'produce', partitions: 6 }]), withTopics('b', [{ name: 't', access: 'produce', partitions: 6 }, { name: 'u', access: 'consume' }])])).toEqual([]);
  });

  it('reject metrics on another port than the service port, and a family declared twice', () => {
    const families = [{ name: 'x_total', type: 'counter' as const }, { name: 'x_total', type: 'counter' as const }];
    expect(check([service({ metrics: { port: 9090, path: '/metrics', families } })])).toEqual([
      { file: 'services/echo/service.ts', path: 'metrics.port', message: "expected the service's port 8080: the platform scrapes only that port, got 9090" },
      { file: 'services/echo/service.ts', path: 'metrics.families[1].name', message: 'duplicate metric family "x_total"' },
    ]);
  });

  it('reject partitions on a consumer, and producers that disagree', () => {
    expect(check([withTopics('a', [{ name: 't', access: 'produce', partitions: 6 }]), withTopics('b', [{ name: 't', access: 'produce', partitions: 12 }, { name: 'u', access: 'consume', partitions: 3 }])])).toEqual([
      { file: 'services/b/service.ts', path: 'dependencies.topics[0].partitions', message: 't has 6 partitions in a; expected the same count, got 12' },
      { file: 'services/b/service.ts', path: 'dependencies.topics[1].partitions', message: 'is declared by the producing service, not by a consumer' },
    ]);
  });
});
