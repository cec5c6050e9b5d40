/** Small, explicit inputs for the Kubernetes generator tests: the dev environment with services chosen by the test. */
import { dev } from '../../environments/dev.js';
import type { Environment } from '../../environments/types.js';
import type { ServiceDefinition } from '../../services/types.js';
import { resolveEnvironment } from '../model/resolve.js';
import type { ResolvedEnvironment } from '../model/types.js';

/** The smallest service: a worker with no dependencies, routes or secrets. */
export const minimalService: ServiceDefinition = {
  name: 'echo',
  team: 'demo',
  description: 'Echoes requests.',
  kind: 'worker',
  port: 8080,
  probes: { startupPath: '/started', readinessPath: '/ready', livenessPath: '/live' },
  resources: { cpuRequest: '100m', memoryRequest: '128Mi', cpuLimit: '500m', memoryLimit: '256Mi' },
  replicas: { min: 2, max: 4 },
  autoscaling: { targetCpuPercent: 80, targetRequestsPerSecond: 0 },
  minAvailable: 1,
  metrics: {
    port: 8080,
    path: '/metrics',
    families: [
      { name: 'http_requests_total', type: 'counter' },
      { name: 'http_request_duration_seconds', type: 'histogram' },
    ],
  },
  routes: [],
  dependencies: { database: 'none', cache: false, topics: [], buckets: [], secrets: [], calls: [] },
  config: { LOG_LEVEL: 'debug' },
  environments: { dev: { imageTag: '1.0.0' }, staging: { imageTag: '1.0.0' }, prod: { imageTag: '1.0.0' } },
};

export function service(overrides: Partial<ServiceDefinition>): ServiceDefinition {
  return { ...minimalService, ...overrides };
}

/** dev, running exactly `services` (no per-environment overrides). */
export function environmentWith(services: ServiceDefinition[], overrides: Partial<Environment> = {}): ResolvedEnvironment {
  return resolveEnvironment(
    { file: 'environments/dev.ts', value: { ...dev, services: {}, ...overrides } },
    services.map((s) => ({ file: `services/${s.name}/service.ts`, value: s })),
  );
}
