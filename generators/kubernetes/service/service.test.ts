/** The app of the minimal service, exactly, and what each declaration adds to it. */
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../chart.js';
import { environmentWith, minimalService, service } from '../test-fixtures.js';
import { serviceManifests } from './index.js';

const labels = {
  'app.kubernetes.io/component': 'worker',
  'app.kubernetes.io/instance': 'echo',
  'app.kubernetes.io/managed-by': 'cdk8s',
  'app.kubernetes.io/name': 'echo',
  'app.kubernetes.io/part-of': 'platform',
};
const metadata = { labels, name: 'echo', namespace: 'platform-apps' };
const selector = { 'app.kubernetes.io/name': 'echo' };

function manifestsOf(definitions = [minimalService], name = definitions[0]!.name): Manifest[] {
  const env = environmentWith(definitions);
  return serviceManifests(env, env.services.find((s) => s.name === name)!);
}

const byKind = (manifests: Manifest[], kind: string, name?: string) => manifests.filter((m) => m.kind === kind && (!name || m.metadata.name === name));
const one = (manifests: Manifest[], kind: string, name?: string) => {
  const found = byKind(manifests, kind, name);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('the minimal service (a worker without dependencies)', () => {
  const manifests = manifestsOf();

  it('gets exactly these objects', () => {
    expect(manifests.map((m) => m.kind)).toStrictEqual([
      'ConfigMap',
      'ServiceAccount',
      'Deployment',
      'Service',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'ServiceMonitor',
      'PrometheusRule',
    ]);
  });

  it('ConfigMap: its config plus what the platform provides', () => {
    expect(one(manifests, 'ConfigMap')).toStrictEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata,
      immutable: false,
      data: {
        AWS_REGION: 'eu-west-1',
        ENVIRONMENT: 'dev',
        LOG_LEVEL: 'debug',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://opentelemetry-collector.platform-monitoring.svc.cluster.local:4317',
        OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=dev',
        OTEL_SERVICE_NAME: 'echo',
        PORT: '8080',
        SERVICE_NAME: 'echo',
      },
    });
  });

  it('ServiceAccount: annotated with its IRSA role, no API token', () => {
    expect(one(manifests, 'ServiceAccount')).toStrictEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { ...metadata, annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111111111111:role/platform-dev-irsa-echo' } },
      automountServiceAccountToken: false,
    });
  });

  it('Deployment: hardened, probed, spread, and without replicas (the HPA owns them)', () => {
    const podLabels = { ...labels, 'app.kubernetes.io/version': '1.0.0' };
    const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
      failureThreshold,
      httpGet: { path, port: 8080, scheme: 'HTTP' },
      periodSeconds,
      timeoutSeconds: 2,
    });
    const spread = (topologyKey: string, whenUnsatisfiable: string) => ({
      labelSelector: { matchLabels: selector },
      matchLabelKeys: ['pod-template-hash'],
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable,
    });
    expect(one(manifests, 'Deployment')).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...metadata, labels: podLabels },
      spec: {
        minReadySeconds: 0,
        progressDeadlineSeconds: 600,
        selector: { matchLabels: selector },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 }, type: 'RollingUpdate' },
        template: {
          metadata: {
            annotations: {
              'checksum/config': expect.stringMatching(/^[0-9a-f]{64}$/),
              // The metrics declaration of the service file, for the wiring policies.
              'metrics.platform.acme.example/path': '/metrics',
              'metrics.platform.acme.example/port': '8080',
              'metrics.platform.acme.example/series': 'http_request_duration_seconds_bucket,http_request_duration_seconds_count,http_request_duration_seconds_sum,http_requests_total',
            },
            labels: podLabels,
          },
          spec: {
            automountServiceAccountToken: false,
            containers: [
              {
                envFrom: [{ configMapRef: { name: 'echo' } }],
                image: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/platform/echo:1.0.0',
                imagePullPolicy: 'IfNotPresent',
                livenessProbe: probe('/live', 10, 3),
                name: 'echo',
                ports: [{ containerPort: 8080, name: 'http' }],
                readinessProbe: probe('/ready', 5, 3),
                resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { drop: ['ALL'] },
                  privileged: false,
                  readOnlyRootFilesystem: true,
                  runAsGroup: 10001,
                  runAsNonRoot: true,
                  runAsUser: 10001,
                },
                startupProbe: probe('/started', 5, 30),
                volumeMounts: [{ mountPath: '/tmp', name: 'tmp' }],
              },
            ],
            dnsPolicy: 'ClusterFirst',
            hostNetwork: false,
            restartPolicy: 'Always',
            securityContext: {
              fsGroup: 10001,
              fsGroupChangePolicy: 'Always',
              runAsGroup: 10001,
              runAsNonRoot: true,
              runAsUser: 10001,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            serviceAccountName: 'echo',
            setHostnameAsFQDN: false,
            terminationGracePeriodSeconds: 30,
            topologySpreadConstraints: [spread('topology.kubernetes.io/zone', 'DoNotSchedule'), spread('kubernetes.io/hostname', 'ScheduleAnyway')],
            volumes: [{ emptyDir: { sizeLimit: '64Mi' }, name: 'tmp' }],
          },
        },
      },
    });
  });

  it('Service: port 80 to the container port, selecting by name only', () => {
    expect(one(manifests, 'Service')).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }], selector, type: 'ClusterIP' },
    });
  });

  it('HorizontalPodAutoscaler: replica bounds and CPU target of the service', () => {
    const hpa = one(manifests, 'HorizontalPodAutoscaler');
    expect(hpa.spec).toMatchObject({
      minReplicas: 2,
      maxReplicas: 4,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'echo' },
    });
    expect((hpa.spec as { metrics: unknown[] }).metrics).toHaveLength(1);
  });

  it('PodDisruptionBudget: minAvailable of the service', () => {
    expect(one(manifests, 'PodDisruptionBudget')).toStrictEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata,
      spec: { minAvailable: 1, selector: { matchLabels: selector }, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
    });
  });

  it('ServiceMonitor: /metrics on the http port', () => {
    expect(one(manifests, 'ServiceMonitor')).toStrictEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata,
      spec: { endpoints: [{ interval: '30s', path: '/metrics', port: 'http', scrapeTimeout: '10s' }], selector: { matchLabels: selector } },
    });
  });

  it('PrometheusRule: the five SLO alerts with the environment thresholds', () => {
    const sel = 'namespace="platform-apps", job="echo"';
    const containers = 'namespace="platform-apps", container="echo"';
    const ruleLabels = (severity: string) => ({ environment: 'dev', service: 'echo', severity, team: 'demo' });
    const annotations = (summary: string) => ({ description: `${summary} ({{ $value | humanize }}).`, summary });
    expect(one(manifests, 'PrometheusRule')).toStrictEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata,
      spec: {
        groups: [
          {
            name: 'echo.slo',
            rules: [
              {
                alert: 'AvailabilityBelowTarget',
                expr: `100 * (1 - sum(rate(http_requests_total{${sel}, code=~"5.."}[1h])) / sum(rate(http_requests_total{${sel}}[1h]))) < 99`,
                for: '5m',
                labels: ruleLabels('critical'),
                annotations: annotations('echo availability over the last hour is below 99%'),
              },
              {
                alert: 'ErrorRateHigh',
                expr: `100 * sum(rate(http_requests_total{${sel}, code=~"5.."}[5m])) / sum(rate(http_requests_total{${sel}}[5m])) > 5`,
                for: '10m',
                labels: ruleLabels('critical'),
                annotations: annotations('echo answers more than 5% of requests with 5xx'),
              },
              {
                alert: 'LatencyP99High',
                expr: `1000 * histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{${sel}}[5m]))) > 1000`,
                for: '10m',
                labels: ruleLabels('warning'),
                annotations: annotations('echo p99 latency is above 1000 ms'),
              },
              {
                alert: 'CpuHigh',
                expr: `100 * max(sum by (pod) (rate(container_cpu_usage_seconds_total{${containers}}[5m])) / sum by (pod) (kube_pod_container_resource_limits{${containers}, resource="cpu"})) > 90`,
                for: '15m',
                labels: ruleLabels('warning'),
                annotations: annotations('one echo pod uses more than 90% of its CPU limit'),
              },
              {
                alert: 'MemoryHigh',
                expr: `100 * max(sum by (pod) (container_memory_working_set_bytes{${containers}}) / sum by (pod) (kube_pod_container_resource_limits{${containers}, resource="memory"})) > 90`,
                for: '15m',
                labels: ruleLabels('warning'),
                annotations: annotations('one echo pod uses more than 90% of its memory limit'),
              },
            ],
          },
        ],
      },
    });
  });
});

describe('what declarations add', () => {
  const store = { kind: 'ClusterSecretStore', name: 'aws-secrets-manager' };

  it('database, cache, topics, buckets and calls: configuration, secrets and network allows', () => {
    const backend = service({ name: 'backend', port: 9000 });
    const worker = service({
      name: 'worker',
      dependencies: {
        database: 'read',
        cache: true,
        topics: [
          { name: 'in', access: 'consume' },
          { name: 'out', access: 'produce', partitions: 12 },
        ],
        buckets: [{ name: 'raw', access: 'read' }],
        secrets: ['signing-key'],
        calls: ['backend'],
      },
    });
    const manifests = manifestsOf([backend, worker], 'worker');

    // Hosts come from Secrets Manager (the AWS endpoint names TLS verification needs), never the ConfigMap.
    expect(one(manifests, 'ConfigMap').data).not.toHaveProperty('POSTGRES_HOST');
    expect(one(manifests, 'ConfigMap').data).not.toHaveProperty('REDIS_HOST');
    expect(one(manifests, 'ConfigMap').data).toMatchObject({
      POSTGRES_PORT: '5432',
      POSTGRES_DATABASE: 'platform',
      POSTGRES_USER: 'worker',
      POSTGRES_AUTH: 'iam',
      POSTGRES_SSLMODE: 'verify-full',
      REDIS_PORT: '6379',
      REDIS_TLS: 'true',
      KAFKA_AUTH: 'AWS_MSK_IAM',
      KAFKA_CONSUME_TOPICS: 'in',
      KAFKA_PRODUCE_TOPICS: 'out',
      KAFKA_CONSUMER_GROUP: 'worker',
      KAFKA_TOPIC_PARTITIONS: 'out=12',
      S3_BUCKET_RAW: 'platform-dev-raw-111111111111',
      BACKEND_URL: 'http://backend.platform-apps.svc.cluster.local:80',
    });
    expect(JSON.stringify(one(manifests, 'ConfigMap').data)).not.toMatch(/PASSWORD/i);

    expect(one(manifests, 'ExternalSecret').spec).toStrictEqual({
      refreshInterval: '1h',
      secretStoreRef: store,
      target: { name: 'worker', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: [
        { secretKey: 'signing-key', remoteRef: { key: 'platform/dev/worker/signing-key' } },
        // A read-only service gets the reader endpoint.
        { secretKey: 'postgres-host', remoteRef: { key: 'platform/dev/postgres-reader/endpoint' } },
        { secretKey: 'redis-host', remoteRef: { key: 'platform/dev/redis/endpoint' } },
        { secretKey: 'redis-auth-token', remoteRef: { key: 'platform/dev/redis/auth-token' } },
        { secretKey: 'kafka-bootstrap-brokers', remoteRef: { key: 'platform/dev/kafka/bootstrap-brokers' } },
      ],
    });

    const container = (one(manifests, 'Deployment').spec as any).template.spec.containers[0];
    expect(container.env).toStrictEqual([
      { name: 'POSTGRES_HOST', valueFrom: { secretKeyRef: { key: 'postgres-host', name: 'worker' } } },
      { name: 'REDIS_HOST', valueFrom: { secretKeyRef: { key: 'redis-host', name: 'worker' } } },
      { name: 'REDIS_AUTH_TOKEN', valueFrom: { secretKeyRef: { key: 'redis-auth-token', name: 'worker' } } },
      { name: 'KAFKA_BOOTSTRAP_SERVERS', valueFrom: { secretKeyRef: { key: 'kafka-bootstrap-brokers', name: 'worker' } } },
    ]);
    expect(container.volumeMounts).toContainEqual({ mountPath: '/var/run/secrets/platform', name: 'secrets', readOnly: true });

    const tcp = (port: number) => ({ port, protocol: 'TCP' });
    const database = ['10.10.64.0/24', '10.10.65.0/24'].map((cidr) => ({ ipBlock: { cidr } }));
    expect(one(manifests, 'NetworkPolicy').spec).toStrictEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'worker' } },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'backend' } } }], ports: [tcp(9000)] },
        { to: database, ports: [tcp(5432), tcp(6379), tcp(9098)] },
        { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [tcp(443)] },
      ],
    });

    // The callee accepts its caller.
    expect(one(manifestsOf([backend, worker], 'backend'), 'NetworkPolicy').spec).toStrictEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'backend' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'worker' } } }], ports: [tcp(9000)] }],
    });
  });

  it('IAM-only data access reaches STS through the private subnets, not the internet', () => {
    const manifests = manifestsOf([service({ dependencies: { ...minimalService.dependencies, database: 'readwrite' } })]);
    const egress = (one(manifests, 'NetworkPolicy').spec as any).egress;
    expect(egress[1]).toStrictEqual({ to: ['10.10.16.0/20', '10.10.32.0/20'].map((cidr) => ({ ipBlock: { cidr } })), ports: [{ port: 443, protocol: 'TCP' }] });
    expect(one(manifests, 'ExternalSecret').spec).toMatchObject({ data: [{ secretKey: 'postgres-host', remoteRef: { key: 'platform/dev/postgres/endpoint' } }] });
  });

  it('a request-rate target adds a per-pod metric to the HPA', () => {
    const manifests = manifestsOf([service({ autoscaling: { targetCpuPercent: 70, targetRequestsPerSecond: 50 } })]);
    expect((one(manifests, 'HorizontalPodAutoscaler').spec as any).metrics[1]).toStrictEqual({
      type: 'Pods',
      pods: { metric: { name: 'http_requests_per_second' }, target: { type: 'AverageValue', averageValue: 50 } },
    });
  });

  it('a budget that would block every drain becomes maxUnavailable: 1', () => {
    const manifests = manifestsOf([service({ replicas: { min: 1, max: 3 }, minAvailable: 1 })]);
    expect((one(manifests, 'PodDisruptionBudget').spec as any).maxUnavailable).toBe(1);
    expect((one(manifests, 'PodDisruptionBudget').spec as any).minAvailable).toBeUndefined();
  });

  it('a configuration change rolls the pods', () => {
    const checksum = (manifests: Manifest[]) => (one(manifests, 'Deployment').spec as any).template.metadata.annotations['checksum/config'];
    expect(checksum(manifestsOf([service({ config: { LOG_LEVEL: 'info' } })]))).not.toBe(checksum(manifestsOf()));
  });
});
