/**
 * A small environment whose pieces are wired correctly across tools, for the wiring rules: an ALB
 * Ingress with its ACM certificate and external-dns, a namespace quota, an API that connects to
 * Aurora by the endpoint name Terraform writes to Secrets Manager, declares its metrics, is scraped,
 * alerted on and autoscaled on a custom metric, consumes a Kafka topic, and node pools with a taint
 * every node DaemonSet tolerates. Tests change one thing in `wired()` and render it with `files()`.
 */
import type { PolicyFile } from '../engine/documents.js';
import { yamlFile, type Manifest } from './kubernetes-fixtures.js';

export const NS = 'apps';
export const APP = 'generated/kubernetes/dev/api';
export const TF = 'generated/terraform/dev';

const application = (name: string, chart: string, values: Manifest, namespace = 'platform-system'): Manifest => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd' },
  spec: { project: 'platform', destination: { namespace }, source: { chart, repoURL: 'https://charts.example.test', targetRevision: '1.0.0', helm: { valuesObject: values } } },
});

const METRICS = {
  'metrics.platform.acme.example/port': '8080',
  'metrics.platform.acme.example/path': '/metrics',
  'metrics.platform.acme.example/series': 'http_request_duration_seconds_bucket,http_request_duration_seconds_count,http_request_duration_seconds_sum,http_requests_total',
};

export function wired() {
  return {
    network: {
      resource: {
        aws_route53_zone: { public: { name: 'example.test' }, private: { name: 'dev.internal', vpc: [{ vpc_id: '${aws_vpc.vpc.id}' }] } },
        aws_acm_certificate: { api: { domain_name: 'api.example.test', subject_alternative_names: ['*.tools.example.test'], validation_method: 'DNS' } },
      } as Manifest,
    },
    data: {
      resource: {
        aws_rds_cluster: { pg: { cluster_identifier: 'dev-pg' } },
        aws_route53_record: { pg_alias: { name: 'postgres.dev.internal', type: 'CNAME', records: ['${aws_rds_cluster.pg.endpoint}'] } },
        aws_secretsmanager_secret: { pg_endpoint: { name: 'dev/postgres/endpoint' } },
        aws_secretsmanager_secret_version: { pg_endpoint_value: { secret_id: '${aws_secretsmanager_secret.pg_endpoint.id}', secret_string: '${aws_rds_cluster.pg.endpoint}' } },
        aws_msk_configuration: { kafka: { server_properties: 'auto.create.topics.enable=true\nnum.partitions=3' } },
      } as Manifest,
    },
    cluster: {
      resource: {
        aws_eks_node_group: { data: { node_group_name: 'data', taint: [{ key: 'pool', value: 'data', effect: 'NO_SCHEDULE' }] } },
        aws_eks_addon: { vpc_cni: { addon_name: 'vpc-cni' }, ebs: { addon_name: 'aws-ebs-csi-driver', configuration_values: '{"node":{"tolerateAllTaints":true}}' } },
      } as Manifest,
    },
    ingress: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'api', namespace: NS, annotations: {} as Manifest },
      spec: { ingressClassName: 'alb', rules: [{ host: 'api.example.test' }], tls: [{ hosts: ['api.example.test'] }] as Manifest[] },
    } as Manifest,
    quota: { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'budget', namespace: NS }, spec: { hard: { 'services.nodeports': 0, 'services.loadbalancers': 0 } } } as Manifest,
    service: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', namespace: NS, labels: { app: 'api' } },
      spec: { type: 'ClusterIP', selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] as Manifest[] },
    } as Manifest,
    configMap: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'api', namespace: NS },
      data: { POSTGRES_SSLMODE: 'verify-full', POSTGRES_AUTH: 'iam', KAFKA_CONSUME_TOPICS: 'events', KAFKA_CONSUMER_GROUP: 'api' } as Manifest,
    } as Manifest,
    deployment: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: NS },
      spec: {
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' }, annotations: { ...METRICS } as Manifest },
          spec: {
            containers: [
              {
                name: 'api',
                image: 'api:1.0.0',
                ports: [{ name: 'http', containerPort: 8080 }],
                envFrom: [{ configMapRef: { name: 'api' } }],
                env: [{ name: 'POSTGRES_HOST', valueFrom: { secretKeyRef: { name: 'api', key: 'postgres-host' } } }] as Manifest[],
              },
            ],
          },
        },
      },
    } as Manifest,
    externalSecret: {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'api', namespace: NS },
      spec: { target: { name: 'api' }, data: [{ secretKey: 'postgres-host', remoteRef: { key: 'dev/postgres/endpoint' } }] as Manifest[] },
    } as Manifest,
    serviceMonitor: {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'api', namespace: NS },
      spec: { selector: { matchLabels: { app: 'api' } }, endpoints: [{ port: 'http', path: '/metrics' }] as Manifest[] },
    } as Manifest,
    prometheusRule: {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'api', namespace: NS },
      spec: {
        groups: [
          {
            name: 'api',
            rules: [
              { alert: 'ErrorRateHigh', expr: 'sum by (code) (rate(http_requests_total{job="api", code=~"5.."}[5m])) / sum(rate(http_requests_total{job="api"}[5m])) > 0.01' },
              { alert: 'LatencyHigh', expr: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))) > 0.5' },
              { alert: 'CpuHigh', expr: 'sum(rate(container_cpu_usage_seconds_total{container="api"}[5m])) / sum(kube_pod_container_resource_limits{container="api", resource="cpu"}) > 0.8' },
            ] as Manifest[],
          },
        ],
      },
    } as Manifest,
    hpa: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api', namespace: NS },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        minReplicas: 2,
        maxReplicas: 3,
        metrics: [{ type: 'Pods', pods: { metric: { name: 'http_requests_per_second' }, target: { type: 'AverageValue', averageValue: '50' } } }] as Manifest[],
      },
    } as Manifest,
    externalDns: application('external-dns', 'external-dns', { sources: ['ingress'], domainFilters: ['example.test'], extraArgs: ['--aws-zone-type=public'] }),
    adapter: application('prometheus-adapter', 'prometheus-adapter', {
      rules: { default: false, custom: [{ seriesQuery: 'http_requests_total{namespace!="",pod!=""}', name: { matches: '^http_requests_total$', as: 'http_requests_per_second' } }] },
    }),
    monitoringStack: application('kube-prometheus-stack', 'kube-prometheus-stack', {}),
    logAgent: application('promtail', 'promtail', { tolerations: [{ operator: 'Exists' }] }),
    nodePool: {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: 'batch' },
      spec: { template: { spec: { taints: [{ key: 'pool', value: 'batch', effect: 'NoSchedule' }] } } },
    } as Manifest,
    /** Extra objects a case adds, each in its own file under argocd/dev/apps/ (Applications) or the app folder. */
    extra: [] as Manifest[],
  };
}

export type Wired = ReturnType<typeof wired>;

const tf = (stack: string, json: Manifest): PolicyFile => ({
  path: `${TF}/${stack}/main.tf.json`,
  environment: 'dev',
  content: { format: 'json', value: { terraform: { backend: { s3: { key: `dev/${stack}/terraform.tfstate` } } }, ...json } },
});

export function files(w: Wired): PolicyFile[] {
  const apps = ['externalDns', 'adapter', 'monitoringStack', 'logAgent'] as const;
  return [
    tf('network', w.network),
    tf('data', w.data),
    tf('cluster', w.cluster),
    yamlFile(`${APP}/ingress.yaml`, [w.ingress]),
    yamlFile(`${APP}/quota.yaml`, [w.quota]),
    yamlFile(`${APP}/service.yaml`, [w.service]),
    yamlFile(`${APP}/configmap.yaml`, [w.configMap]),
    yamlFile(`${APP}/deployment.yaml`, [w.deployment]),
    yamlFile(`${APP}/externalsecret.yaml`, [w.externalSecret]),
    yamlFile(`${APP}/servicemonitor.yaml`, [w.serviceMonitor]),
    yamlFile(`${APP}/prometheusrule.yaml`, [w.prometheusRule]),
    yamlFile(`${APP}/hpa.yaml`, [w.hpa]),
    yamlFile('generated/kubernetes/dev/node-pools/nodepool.yaml', [w.nodePool]),
    ...apps.map((key) => yamlFile(`argocd/dev/apps/${w[key].metadata.name}.yaml`, [w[key]])),
    ...w.extra.map((doc, i) => yamlFile(doc.kind === 'Application' ? `argocd/dev/apps/${doc.metadata.name}.yaml` : `${APP}/extra-${i}.yaml`, [doc])),
  ];
}

/** The wired environment with `change` applied. */
export function wiredWith(change: (w: Wired) => void): PolicyFile[] {
  const w = wired();
  change(w);
  return files(w);
}

export { application };
