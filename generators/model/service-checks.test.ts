/** Service checks the Kubernetes generators rely on: the gateway's API keys and routes the gateway can reach. */
import { describe, expect, it } from 'vitest';
import { dev } from '../../environments/dev.js';
import type { ServiceDefinition } from '../../services/types.js';
import { minimalService, service } from '../kubernetes/test-fixtures.js';
import { checkServices } from './service-checks.js';

const gateway = service({
  name: 'edge',
  kind: 'gateway',
  rateLimit: { requestsPerSecond: 1, burst: 1 },
  dependencies: { ...minimalService.dependencies, secrets: ['api-keys'], calls: ['orders'] },
});
const orders = service({ name: 'orders', routes: [{ pathPrefix: '/v1/orders' }] });

const check = (services: ServiceDefinition[]) =>
  checkServices(
    services.map((s) => ({ file: `services/${s.name}/service.ts`, value: s })),
    [{ file: 'environments/dev.ts', value: { ...dev, services: {} } }],
  );

describe('service checks', () => {
  it('accept a gateway with API keys calling the routed service', () => {
    expect(check([gateway, orders])).toStrictEqual([]);
  });

  it('require a gateway to declare its API keys secret', () => {
    expect(check([{ ...gateway, dependencies: { ...gateway.dependencies, secrets: [] } }, orders])).toStrictEqual([
      { file: 'services/edge/service.ts', path: 'dependencies.secrets', message: 'a gateway checks API keys: expected "api-keys" among its secrets' },
    ]);
  });

  it('require routes to belong to a service a gateway calls', () => {
    expect(check([{ ...gateway, dependencies: { ...gateway.dependencies, calls: [] } }, orders])).toStrictEqual([
      { file: 'services/orders/service.ts', path: 'routes', message: "no gateway calls orders; expected it in a gateway's dependencies.calls" },
    ]);
  });
});
