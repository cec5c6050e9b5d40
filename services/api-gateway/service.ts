import { defineService } from '../define-service.js';

/** NGINX-based edge: TLS termination at the load balancer, API-key checks, per-environment rate limits, routing. */
export const apiGateway = defineService({
  name: 'api-gateway',
  team: 'platform',
  description: 'Edge gateway: authenticates API keys, rate-limits and routes to the data services.',
  kind: 'gateway',
  port: 8080,
  probes: { startupPath: '/healthz', readinessPath: '/readyz', livenessPath: '/healthz' },
  resources: { cpuRequest: '250m', memoryRequest: '256Mi', cpuLimit: '1', memoryLimit: '512Mi' },
  replicas: { min: 2, max: 6 },
  autoscaling: { targetCpuPercent: 70, targetRequestsPerSecond: 200 },
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
  rateLimit: { requestsPerSecond: 50, burst: 100 },
  dependencies: {
    database: 'none',
    cache: false,
    topics: [],
    buckets: [],
    secrets: ['api-keys'],
    calls: ['data-collector', 'data-processor'],
  },
  config: { LOG_LEVEL: 'info' },
  environments: {
    dev: { imageTag: '1.27.3', rateLimit: { requestsPerSecond: 20, burst: 40 } },
    staging: { imageTag: '1.27.3' },
    prod: { imageTag: '1.27.3', rateLimit: { requestsPerSecond: 500, burst: 1000 } },
  },
});
