/**
 * Loki (simple scalable mode) storing chunks and indexes in its S3 bucket through IRSA, keeping
 * logs for the environment's `logRetentionDays`.
 */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES, naming } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { LOKI } from './endpoints.js';
import { addonRelease, controllerReplicas, irsaServiceAccount, resources, type ResourceValues, type ServiceAccountValues } from './release.js';

/** First day of the current schema; a schema change adds an entry, never edits this one. */
const SCHEMA_FROM = '2025-01-01';

interface Component {
  replicas: number;
  resources: ResourceValues;
}

interface LokiValues {
  fullnameOverride: string;
  deploymentMode: 'SimpleScalable';
  loki: {
    auth_enabled: boolean;
    schemaConfig: { configs: { from: string; store: 'tsdb'; object_store: 's3'; schema: 'v13'; index: { prefix: string; period: string } }[] };
    storage: { type: 's3'; bucketNames: { chunks: string; ruler: string; admin: string }; s3: { region: string } };
    limits_config: { retention_period: string };
    compactor: { retention_enabled: boolean; delete_request_store: 's3' };
  };
  serviceAccount: ServiceAccountValues;
  write: Component;
  /** The read path is the only Loki component whose chart has a liveness probe value. */
  read: Component & { livenessProbe: { httpGet: { path: string; port: string }; initialDelaySeconds: number } };
  backend: Component;
  gateway: { resources: ResourceValues };
  /** The rules sidecar of the backend Pods; the chart sets no resources. */
  sidecar: { resources: ResourceValues };
  memcachedExporter: { resources: ResourceValues };
  chunksCache: { allocatedMemory: number };
  resultsCache: { allocatedMemory: number };
  minio: { enabled: boolean };
  lokiCanary: { enabled: boolean };
  test: { enabled: boolean };
}

export function lokiRelease(env: ResolvedEnvironment): HelmRelease {
  const bucket = naming.lokiBucket(env.name, env.aws.accountId);
  const replicas = controllerReplicas(env);
  const component = (memoryRequest: string, memoryLimit: string): Component => ({ replicas, resources: resources('100m', memoryRequest, '1', memoryLimit) });
  return addonRelease<LokiValues>(env, 'loki', { namespace: AWS_IDENTITIES.loki.namespace, dependsOn: [BASELINE_APP] }, {
    fullnameOverride: LOKI.fullname,
    deploymentMode: 'SimpleScalable',
    loki: {
      auth_enabled: false,
      schemaConfig: { configs: [{ from: SCHEMA_FROM, store: 'tsdb', object_store: 's3', schema: 'v13', index: { prefix: 'loki_index_', period: '24h' } }] },
      storage: { type: 's3', bucketNames: { chunks: bucket, ruler: bucket, admin: bucket }, s3: { region: env.aws.region } },
      limits_config: { retention_period: `${env.logRetentionDays * 24}h` },
      compactor: { retention_enabled: true, delete_request_store: 's3' },
    },
    serviceAccount: irsaServiceAccount(env, 'loki'),
    write: component('512Mi', '1Gi'),
    read: { ...component('512Mi', '1Gi'), livenessProbe: { httpGet: { path: '/ready', port: 'http-metrics' }, initialDelaySeconds: 30 } },
    backend: component('256Mi', '512Mi'),
    gateway: { resources: resources('50m', '64Mi', '200m', '128Mi') },
    sidecar: { resources: resources('10m', '64Mi', '100m', '128Mi') },
    memcachedExporter: { resources: resources('10m', '32Mi', '100m', '64Mi') },
    // The chart's defaults (8 GiB of memcached) would not fit the monitoring namespace budget.
    chunksCache: { allocatedMemory: 1024 },
    resultsCache: { allocatedMemory: 256 },
    minio: { enabled: false },
    lokiCanary: { enabled: false },
    test: { enabled: false },
  });
}
