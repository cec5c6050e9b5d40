import { defineService } from '../define-service.js';

/** REST ingestion API: validates events, lands them in the raw bucket and publishes them to Kafka. */
export const dataCollector = defineService({
  name: 'data-collector',
  team: 'ingest',
  description: 'REST ingestion API that validates incoming events, stores them raw and publishes them for processing.',
  kind: 'api',
  port: 8080,
  probes: { startupPath: '/health/started', readinessPath: '/health/ready', livenessPath: '/health/live' },
  resources: { cpuRequest: '500m', memoryRequest: '512Mi', cpuLimit: '2', memoryLimit: '1Gi' },
  replicas: { min: 2, max: 10 },
  autoscaling: { targetCpuPercent: 70, targetRequestsPerSecond: 100 },
  minAvailable: 1,
  metrics: {
    port: 8080,
    path: '/metrics',
    families: [
      { name: 'http_requests_total', type: 'counter' },
      { name: 'http_request_duration_seconds', type: 'histogram' },
    ],
  },
  routes: [{ pathPrefix: '/v1/events' }],
  dependencies: {
    database: 'none',
    cache: true,
    topics: [{ name: 'events.raw', access: 'produce', partitions: 36 }],
    buckets: [{ name: 'raw', access: 'write' }],
    secrets: ['ingest-signing-key'],
    calls: [],
  },
  config: { LOG_LEVEL: 'info', MAX_BATCH_SIZE: '500' },
  environments: {
    dev: { imageTag: '2.4.0' },
    staging: { imageTag: '2.4.0' },
    prod: { imageTag: '2.3.1' },
  },
});
