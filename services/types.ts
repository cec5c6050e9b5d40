/**
 * What a service declares. The generators wire everything from this one declaration: its ECR
 * repository, IRSA role and policy, Secrets Manager secrets, Deployment, Service, HPA, PDB,
 * ExternalSecret, monitoring and network policies.
 */
import type { RateLimit, ReplicaBounds, Resources, ServiceOverride } from '../environments/types.js';

export type ServiceKind = 'gateway' | 'api' | 'worker';

/** The secret a gateway checks API keys against (a JSON object of client name to key). */
export const GATEWAY_API_KEYS_SECRET = 'api-keys';

export interface Probes {
  startupPath: string;
  readinessPath: string;
  livenessPath: string;
}

export interface Autoscaling {
  targetCpuPercent: number;
  /** Scale on request rate per pod as well (0 disables). */
  targetRequestsPerSecond: number;
}

export interface TopicDependency {
  /** Kafka topic name. */
  name: string;
  access: 'produce' | 'consume';
  /**
   * Producers only: the partition count the topic is created with (the producing service owns the
   * topic). A consumer group can use at most this many pods; policy WIRE-007 holds the consumers'
   * maxReplicas to it.
   */
  partitions?: number;
  /**
   * Producers only: copies of each partition (default: 3, or the broker count when the environment
   * has fewer brokers). At most the broker count of every environment.
   */
  replicationFactor?: number;
  /** Producers only: how long records are kept, in hours (default 168, a week; 1 to 8760). */
  retentionHours?: number;
}

/** Prometheus metric types; histograms and summaries export several series per family. */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary';

export interface MetricFamily {
  /** Family name as the image exports it (counters with their `_total` suffix). */
  name: string;
  type: MetricType;
}

/** What the service's image serves to Prometheus: alerts and autoscaling may query only these (WIRE-005, WIRE-006). */
export interface MetricsEndpoint {
  /** Container port the metrics are served on; the platform scrapes the service's `port`, so they must be equal. */
  port: number;
  /** HTTP path, e.g. /metrics. */
  path: string;
  families: MetricFamily[];
}

export interface BucketDependency {
  /** Logical data-lake bucket name; must exist in every environment's dataLake.buckets. */
  name: string;
  access: 'read' | 'write' | 'readwrite';
}

export interface Dependencies {
  /** Aurora PostgreSQL access through the platform database. */
  database: 'none' | 'read' | 'readwrite';
  /** ElastiCache Redis. */
  cache: boolean;
  topics: TopicDependency[];
  buckets: BucketDependency[];
  /** Secrets Manager secrets the service owns (values are set out of band, never in Git). */
  secrets: string[];
  /** Other services this one calls over HTTP. */
  calls: string[];
}

/** A path the API gateway routes to this service. */
export interface Route {
  pathPrefix: string;
}

/** Per-environment settings the service team owns: the image tag is required, the rest overrides. */
export interface ServiceEnvironment extends ServiceOverride {
  imageTag: string;
}

export interface ServiceDefinition {
  name: string;
  /** Owning team (GitHub team slug without the org); one Argo CD AppProject per team. */
  team: string;
  description: string;
  kind: ServiceKind;
  port: number;
  probes: Probes;
  resources: Resources;
  replicas: ReplicaBounds;
  autoscaling: Autoscaling;
  /** PodDisruptionBudget: pods that must stay up during voluntary disruptions. */
  minAvailable: number;
  /** What the image exports for Prometheus. */
  metrics: MetricsEndpoint;
  routes: Route[];
  /** Gateway only: default rate limit, overridable per environment. */
  rateLimit?: RateLimit;
  dependencies: Dependencies;
  config: Record<string, string>;
  /**
   * Per environment, by name. An environment without an entry runs the entry of the nearest stage
   * it is promoted from (so a new environment needs no edit here); the first stage needs its own.
   */
  environments: Record<string, ServiceEnvironment>;
}
