/**
 * OpenTelemetry collector (a Deployment): receives OTLP traces from every service
 * (OTEL_EXPORTER_OTLP_ENDPOINT in their ConfigMaps) and forwards them to Tempo. The chart's
 * default Jaeger/Zipkin receivers and log/metric pipelines are removed (null deletes a chart default).
 */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { OTEL_COLLECTOR, TEMPO } from './endpoints.js';
import { addonRelease, controllerReplicas, resources, type ResourceValues } from './release.js';
import { containerSecurity, type ContainerSecurityValues } from './hardening.js';

interface OpenTelemetryCollectorValues {
  fullnameOverride: string;
  mode: 'deployment';
  image: { repository: string };
  replicaCount: number;
  resources: ResourceValues;
  /** The chart's default is empty; the k8s distribution image runs as user 10001 and writes nothing to its root. */
  securityContext: ContainerSecurityValues;
  ports: Record<'jaeger-compact' | 'jaeger-thrift' | 'jaeger-grpc' | 'zipkin', { enabled: boolean }>;
  config: {
    receivers: { jaeger: null; zipkin: null; prometheus: null; otlp: { protocols: { grpc: { endpoint: string }; http: { endpoint: string } } } };
    processors: { batch: Record<string, never>; memory_limiter: { check_interval: string; limit_percentage: number; spike_limit_percentage: number } };
    exporters: { otlp: { endpoint: string; tls: { insecure: boolean } } };
    service: { pipelines: { logs: null; metrics: null; traces: { receivers: string[]; processors: string[]; exporters: string[] } } };
  };
}

export function openTelemetryCollectorRelease(env: ResolvedEnvironment): HelmRelease {
  return addonRelease<OpenTelemetryCollectorValues>(env, 'opentelemetry-collector', { namespace: OTEL_COLLECTOR.namespace, dependsOn: ['tempo'] }, {
    fullnameOverride: OTEL_COLLECTOR.fullname,
    mode: 'deployment',
    // The Kubernetes distribution: OTLP in and out, batching, memory limiting.
    image: { repository: 'otel/opentelemetry-collector-k8s' },
    replicaCount: controllerReplicas(env),
    resources: resources('100m', '256Mi', '500m', '512Mi'),
    securityContext: containerSecurity(10001),
    ports: { 'jaeger-compact': { enabled: false }, 'jaeger-thrift': { enabled: false }, 'jaeger-grpc': { enabled: false }, zipkin: { enabled: false } },
    config: {
      receivers: {
        jaeger: null,
        zipkin: null,
        prometheus: null,
        otlp: { protocols: { grpc: { endpoint: `\${env:MY_POD_IP}:${OTEL_COLLECTOR.grpcPort}` }, http: { endpoint: `\${env:MY_POD_IP}:${OTEL_COLLECTOR.httpPort}` } } },
      },
      processors: { batch: {}, memory_limiter: { check_interval: '5s', limit_percentage: 80, spike_limit_percentage: 25 } },
      exporters: { otlp: { endpoint: TEMPO.otlpGrpc, tls: { insecure: true } } },
      service: { pipelines: { logs: null, metrics: null, traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['otlp'] } } },
    },
  });
}
