/**
 * The definition `pnpm new-service` writes: the user's answers plus a sensible default for every
 * other required field (the same defaults the template's comments explain). Pure.
 */
import type { ServiceDefinition, ServiceEnvironment } from '../../../services/types.js';
import type { NeededDependencies } from './needs.js';

export interface NewServiceAnswers {
  name: string;
  team: string;
  /** A number when the flag was an integer; the raw text otherwise (the schema then reports it). */
  port: number | string;
  route?: string | undefined;
  calls: string[];
}

export const DEFAULT_IMAGE_TAG = '0.1.0';

export function newServiceDefinition(answers: NewServiceAnswers, dependencies: NeededDependencies, environments: readonly string[]): ServiceDefinition {
  const serves = answers.route !== undefined;
  return {
    name: answers.name,
    team: answers.team,
    description: `${answers.name}, owned by ${answers.team}: say in one sentence what it does.`,
    kind: serves ? 'api' : 'worker',
    port: answers.port as number,
    probes: { startupPath: '/health/started', readinessPath: '/health/ready', livenessPath: '/health/live' },
    resources: { cpuRequest: '250m', memoryRequest: '256Mi', cpuLimit: '1', memoryLimit: '512Mi' },
    replicas: { min: 2, max: 4 },
    autoscaling: { targetCpuPercent: 70, targetRequestsPerSecond: serves ? 50 : 0 },
    minAvailable: 1,
    metrics: {
      port: answers.port as number,
      path: '/metrics',
      families: [
        { name: 'http_requests_total', type: 'counter' },
        { name: 'http_request_duration_seconds', type: 'histogram' },
      ],
    },
    routes: serves ? [{ pathPrefix: answers.route! }] : [],
    dependencies: { ...dependencies, calls: answers.calls },
    config: { LOG_LEVEL: 'info' },
    environments: Object.fromEntries(environments.map((env) => [env, { imageTag: DEFAULT_IMAGE_TAG } satisfies ServiceEnvironment])) as ServiceDefinition['environments'],
  };
}
