import { defineService } from '../define-service.js';

/** Asynchronous worker: consumes raw events from Kafka, enriches them and writes to PostgreSQL and the curated bucket. */
export const dataProcessor = defineService({
  name: 'data-processor',
  team: 'processing',
  description: 'Asynchronous worker that consumes raw events, enriches them and writes results to PostgreSQL and the curated bucket.',
  kind: 'worker',
  port: 8080,
  probes: { startupPath: '/health/started', readinessPath: '/health/ready', livenessPath: '/health/live' },
  resources: { cpuRequest: '500m', memoryRequest: '1Gi', cpuLimit: '2', memoryLimit: '2Gi' },
  replicas: { min: 2, max: 12 },
  autoscaling: { targetCpuPercent: 75, targetRequestsPerSecond: 0 },
  minAvailable: 1,
  metrics: {
    port: 8080,
    path: '/metrics',
    families: [
      { name: 'http_requests_total', type: 'counter' },
      { name: 'http_request_duration_seconds', type: 'histogram' },
    ],
  },
  routes: [{ pathPrefix: '/v1/jobs' }],
  dependencies: {
    database: 'readwrite',
    cache: true,
    topics: [
      { name: 'events.raw', access: 'consume' },
      { name: 'events.processed', access: 'produce', partitions: 12 },
      // Dead letters: events that still fail after MAX_RETRIES, kept two weeks for inspection and replay.
      { name: 'events.raw.dlq', access: 'produce', partitions: 3, retentionHours: 336 },
    ],
    buckets: [
      { name: 'raw', access: 'read' },
      { name: 'curated', access: 'write' },
    ],
    secrets: [],
    calls: [],
  },
  config: { LOG_LEVEL: 'info', MAX_RETRIES: '5', RETRY_BACKOFF_SECONDS: '10', DEAD_LETTER_TOPIC: 'events.raw.dlq' },
  environments: {
    dev: { imageTag: '1.9.0' },
    staging: { imageTag: '1.9.0' },
    prod: { imageTag: '1.8.4' },
  },
});
