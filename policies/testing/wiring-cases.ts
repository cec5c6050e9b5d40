/**
 * Table of wiring rule fixtures: each starts from the correctly wired environment of
 * wiring-fixtures.ts and breaks one contract.
 */
import type { Finding } from '../engine/types.js';
import { daemonSetTolerations } from '../wiring/daemonset-tolerations.js';
import { ingressCertificate } from '../wiring/ingress-certificate.js';
import { ingressDns } from '../wiring/ingress-dns.js';
import { queriedSeries } from '../wiring/queried-series.js';
import { serviceMonitorPort } from '../wiring/service-monitor-port.js';
import { serviceTypeQuota } from '../wiring/service-type-quota.js';
import { tlsServerName } from '../wiring/tls-server-name.js';
import { topicPartitions } from '../wiring/topic-partitions.js';
import { topicsCreated } from '../wiring/topics-created.js';
import type { Manifest } from './kubernetes-fixtures.js';
import type { RuleCase } from './run-rule.js';
import { APP, application, files, NS, TF, wired, wiredWith } from './wiring-fixtures.js';

const at = (file: string, resource: string, message: string): Finding => ({ file, resource, message });
const INGRESS = [`${APP}/ingress.yaml`, `Ingress/${NS}/api`] as const;
const DEPLOYMENT = [`${APP}/deployment.yaml`, `Deployment/${NS}/api`] as const;
const atlantis = (values: Manifest) => application('atlantis', 'atlantis', values);
const ATLANTIS = ['argocd/dev/apps/atlantis.yaml', 'Application/argocd/atlantis'] as const;
const container = (w: ReturnType<typeof wired>) => w.deployment.spec.template.spec.containers[0];
/** A dashboard ConfigMap as the Grafana sidecar loads it, with one row holding one panel. */
const dashboard = (expr: string): Manifest => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'dashboard-api', namespace: 'monitoring', labels: { grafana_dashboard: '1' } },
  data: { 'api.json': JSON.stringify({ title: 'api', panels: [{ type: 'row', title: 'Traffic', panels: [{ title: 'Rate', targets: [{ expr }] }] }] }) },
});

/** The kafka-topics app's ConfigMap: the topics the platform creates, one `name partitions replication retention-ms` line each. */
const createdTopics = (...names: string[]): Manifest => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'kafka-topics', namespace: 'platform-data' },
  data: { topics: names.map((n) => `${n} 6 3 604800000\n`).join('') },
});

export const wiringCases: RuleCase[] = [
  {
    rule: topicsCreated,
    name: 'a consumed topic the platform does not create, a produced one it does, brokers auto-creating',
    pass: () =>
      wiredWith((w) => {
        w.data.resource.aws_msk_configuration.kafka.server_properties = 'auto.create.topics.enable=false\nnum.partitions=3';
        w.configMap.data.KAFKA_PRODUCE_TOPICS = 'audit';
        w.extra.push(createdTopics('audit', 'events'));
      }),
    fail: () =>
      wiredWith((w) => {
        w.configMap.data.KAFKA_PRODUCE_TOPICS = 'audit';
        w.extra.push(createdTopics('audit', 'event'));
      }),
    expected: [
      at(...DEPLOYMENT, 'uses topic events (KAFKA_CONSUME_TOPICS), which the platform does not create (not in the kafka-topics ConfigMap)'),
      at(`${TF}/data/main.tf.json`, 'aws_msk_configuration.kafka', 'auto.create.topics.enable=true: brokers create undeclared topics on first use'),
    ],
  },
  {
    rule: ingressCertificate,
    name: 'ALB hosts outside the ACM names (a chart Ingress among them); a one-label wildcard covers',
    pass: () =>
      wiredWith((w) => {
        w.ingress.spec.rules.push({ host: 'grafana.tools.example.test' });
        w.extra.push(atlantis({ ingress: { ingressClassName: 'alb', host: 'atlantis.tools.example.test' } }));
      }),
    fail: () =>
      wiredWith((w) => {
        // The wildcard covers one label only.
        w.ingress.spec.rules.push({ host: 'a.b.tools.example.test' });
        w.ingress.metadata.annotations['alb.ingress.kubernetes.io/certificate-arn'] = 'arn:aws:acm:eu-west-1:1:certificate/x';
        w.extra.push(atlantis({ ingress: { ingressClassName: 'alb', host: 'atlantis.example.test' } }));
      }),
    expected: [
      at(...INGRESS, 'host a.b.tools.example.test: alb.ingress.kubernetes.io/certificate-arn names arn:aws:acm:eu-west-1:1:certificate/x, but no ACM certificate of this environment\'s Terraform covers the host'),
      at(...ATLANTIS, 'host atlantis.example.test has no ACM certificate in this environment\'s Terraform (domain or SAN covering it); the load balancer controller cannot find one'),
    ],
  },
  {
    rule: ingressCertificate,
    name: 'nginx Ingress without a cert-manager Certificate for its TLS secret',
    pass: () =>
      wiredWith((w) => {
        w.ingress.spec.ingressClassName = 'nginx';
        w.ingress.spec.tls = [{ hosts: ['api.example.test'], secretName: 'api-tls' }];
        w.extra.push({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'api', namespace: NS }, spec: { secretName: 'api-tls', dnsNames: ['api.example.test'] } });
      }),
    fail: () =>
      wiredWith((w) => {
        w.ingress.spec.ingressClassName = 'nginx';
        w.ingress.spec.tls = [{ hosts: ['api.example.test'], secretName: 'api-tls' }];
        // Covers another name only.
        w.extra.push({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'api', namespace: NS }, spec: { secretName: 'api-tls', dnsNames: ['www.example.test'] } });
      }),
    expected: [at(...INGRESS, 'host api.example.test has no cert-manager Certificate (dnsNames covering it, writing a TLS secret the Ingress lists) nor an issuer annotation with a TLS entry')],
  },
  {
    rule: ingressCertificate,
    name: 'an Ingress naming no class is judged by the default class',
    // The load balancer controller's class is the default: the ACM certificate covers the host.
    pass: () =>
      wiredWith((w) => {
        delete w.ingress.spec.ingressClassName;
        w.extra.push(application('aws-load-balancer-controller', 'aws-load-balancer-controller', { ingressClassConfig: { default: true } }));
      }),
    // No default class: not the ALB, and no cert-manager certificate.
    fail: () =>
      wiredWith((w) => {
        delete w.ingress.spec.ingressClassName;
      }),
    expected: [at(...INGRESS, 'host api.example.test has no cert-manager Certificate (dnsNames covering it, writing a TLS secret the Ingress lists) nor an issuer annotation with a TLS entry')],
  },
  {
    rule: ingressDns,
    name: 'external-dns filters another domain; a host in no Terraform zone',
    // A literal record needs no external-dns.
    pass: () =>
      wiredWith((w) => {
        w.externalDns.spec.source.helm.valuesObject.domainFilters = ['other.test'];
        w.network.resource.aws_route53_record = { api: { name: 'api.example.test', type: 'A' } };
      }),
    fail: () =>
      wiredWith((w) => {
        w.externalDns.spec.source.helm.valuesObject.domainFilters = ['other.test'];
        w.extra.push(atlantis({ ingress: { ingressClassName: 'alb', host: 'ci.other.test' } }));
      }),
    expected: [
      at(...INGRESS, 'host api.example.test has no Route 53 record in this environment\'s Terraform and no external-dns release publishes it (sources, domainFilters, or no Terraform zone contains it)'),
      at(...ATLANTIS, 'host ci.other.test has no Route 53 record in this environment\'s Terraform and no external-dns release publishes it (sources, domainFilters, or no Terraform zone contains it)'),
    ],
  },
  {
    rule: ingressDns,
    name: 'external-dns limited to public zones, the host only in the private zone',
    pass: () => files(wired()),
    fail: () =>
      wiredWith((w) => {
        w.externalDns.spec.source.helm.valuesObject.domainFilters = [];
        w.ingress.spec.rules = [{ host: 'api.dev.internal' }];
        w.ingress.spec.tls = [];
      }),
    expected: [at(...INGRESS, 'host api.dev.internal has no Route 53 record in this environment\'s Terraform and no external-dns release publishes it (sources, domainFilters, or no Terraform zone contains it)')],
  },
  {
    rule: ingressDns,
    name: 'no external-dns release at all',
    pass: () => files(wired()),
    fail: () => files(wired()).filter((f) => !f.path.endsWith('/external-dns.yaml')),
    expected: [at(...INGRESS, 'host api.example.test has no Route 53 record in this environment\'s Terraform and no external-dns release watches Ingresses')],
  },
  {
    rule: serviceTypeQuota,
    name: 'LoadBalancer Service and the Atlantis chart\'s default NodePort in quota-limited namespaces',
    pass: () =>
      wiredWith((w) => {
        w.extra.push({ ...atlantis({ service: { type: 'ClusterIP' } }), spec: { ...atlantis({ service: { type: 'ClusterIP' } }).spec, destination: { namespace: NS } } });
      }),
    fail: () =>
      wiredWith((w) => {
        w.service.spec.type = 'LoadBalancer';
        w.extra.push({ ...atlantis({}), spec: { ...atlantis({}).spec, destination: { namespace: NS } } });
      }),
    expected: [
      at(`${APP}/service.yaml`, `Service/${NS}/api`, `Service api is type LoadBalancer, which ResourceQuota/${NS}/budget forbids (services.nodeports: 0, services.loadbalancers: 0)`),
      at(...ATLANTIS, `Service atlantis is type NodePort, which ResourceQuota/${NS}/budget forbids (services.nodeports: 0)`),
    ],
  },
  {
    rule: tlsServerName,
    name: 'verify-full and an IAM token against the private CNAME alias',
    pass: () => files(wired()),
    fail: () =>
      wiredWith((w) => {
        container(w).env = [];
        w.configMap.data.POSTGRES_HOST = 'postgres.dev.internal';
      }),
    expected: [
      at(...DEPLOYMENT, 'container "api": POSTGRES_HOST is postgres.dev.internal (a Route 53 CNAME, aws_route53_record.pg_alias); the server certificate carries the AWS endpoint name, so TLS host-name verification fails'),
      at(...DEPLOYMENT, 'container "api": the IAM database token is generated for postgres.dev.internal (a Route 53 CNAME, aws_route53_record.pg_alias); RDS accepts tokens only for the DB endpoint, not an alias or custom endpoint'),
    ],
  },
  {
    rule: tlsServerName,
    name: 'Redis TLS host from a secret Terraform fills with a Route 53 record name; IAM token signed for another host',
    // verify-ca checks no name, and a secret set by hand is not judged: nothing to prove.
    pass: () =>
      wiredWith((w) => {
        w.configMap.data.POSTGRES_SSLMODE = 'verify-ca';
        w.configMap.data.POSTGRES_AUTH = 'password';
        w.configMap.data.PARTNER_HOST = 'api.partner.test';
        w.configMap.data.PARTNER_TLS = 'true';
        w.externalSecret.spec.data[0].remoteRef.key = 'set/by/hand';
      }),
    fail: () =>
      wiredWith((w) => {
        w.configMap.data.REDIS_TLS = 'true';
        w.configMap.data.POSTGRES_IAM_TOKEN_HOST = 'dev-pg.cluster-abc.eu-west-1.rds.amazonaws.com';
        container(w).env.push({ name: 'REDIS_HOST', valueFrom: { secretKeyRef: { name: 'api', key: 'redis-host' } } });
        w.externalSecret.spec.data.push({ secretKey: 'redis-host', remoteRef: { key: 'dev/redis/endpoint' } });
        w.data.resource.aws_route53_record.redis_alias = { name: 'redis.dev.internal', type: 'CNAME', records: ['x'] };
        w.data.resource.aws_secretsmanager_secret.redis_endpoint = { name: 'dev/redis/endpoint' };
        w.data.resource.aws_secretsmanager_secret_version.redis_endpoint_value = { secret_id: '${aws_secretsmanager_secret.redis_endpoint.id}', secret_string: '${aws_route53_record.redis_alias.fqdn}' };
      }),
    expected: [
      at(...DEPLOYMENT, 'container "api": POSTGRES_IAM_TOKEN_HOST differs from POSTGRES_HOST: the IAM token is generated for another host than the one connected to'),
      at(...DEPLOYMENT, 'container "api": REDIS_HOST is dev/redis/endpoint (a Route 53 record name, aws_secretsmanager_secret_version.redis_endpoint_value); the server certificate carries the AWS endpoint name, so TLS host-name verification fails'),
    ],
  },
  {
    rule: serviceMonitorPort,
    name: 'ServiceMonitor on a port without metrics, at another path, and selecting nothing',
    pass: () => files(wired()),
    fail: () =>
      wiredWith((w) => {
        w.service.spec.ports.push({ name: 'admin', port: 9000, targetPort: 9000 });
        w.serviceMonitor.spec.endpoints = [{ port: 'admin' }, { port: 'http', path: '/stats' }];
        w.extra.push({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'orphan', namespace: NS }, spec: { selector: { matchLabels: { app: 'gone' } }, endpoints: [{ port: 'http' }] } });
      }),
    expected: [
      at(`${APP}/extra-0.yaml`, `ServiceMonitor/${NS}/orphan`, 'selects no Service'),
      at(`${APP}/servicemonitor.yaml`, `ServiceMonitor/${NS}/api`, 'port admin → Service api → Deployment api: no container port 9000'),
      at(`${APP}/servicemonitor.yaml`, `ServiceMonitor/${NS}/api`, 'port http → Service api → Deployment api: serves metrics at /metrics, not /stats'),
    ],
  },
  {
    rule: serviceMonitorPort,
    name: 'pod that declares no metrics',
    pass: () => files(wired()),
    fail: () =>
      wiredWith((w) => {
        w.deployment.spec.template.metadata.annotations = {};
      }),
    expected: [at(`${APP}/servicemonitor.yaml`, `ServiceMonitor/${NS}/api`, 'port http → Service api → Deployment api: declares no metrics (metrics in its service.ts)')],
  },
  {
    rule: queriedSeries,
    name: 'alert on an undeclared series, recorded series, and an HPA metric no adapter rule serves',
    // A recorded series counts as exported.
    pass: () =>
      wiredWith((w) => {
        w.prometheusRule.spec.groups[0].rules.push({ record: 'job:errors:rate5m', expr: 'sum(rate(http_requests_total{code=~"5.."}[5m]))' }, { alert: 'Errors', expr: 'job:errors:rate5m > 1' });
      }),
    fail: () =>
      wiredWith((w) => {
        w.prometheusRule.spec.groups[0].rules.push({ alert: 'QueueDeep', expr: 'max(queue_depth{job="api"}) > 100 and on (pod) up == 1' });
        w.hpa.spec.metrics.push({ type: 'Pods', pods: { metric: { name: 'queue_depth_per_pod' }, target: { type: 'AverageValue', averageValue: '10' } } });
      }),
    expected: [
      at(`${APP}/prometheusrule.yaml`, `PrometheusRule/${NS}/api`, 'rule QueueDeep queries queue_depth (job api), which no scrape target exports'),
      at(`${APP}/hpa.yaml`, `HorizontalPodAutoscaler/${NS}/api`, 'metric queue_depth_per_pod is served by no prometheus-adapter rule'),
    ],
  },
  {
    rule: queriedSeries,
    name: 'a Grafana dashboard panel (in a row) on a series the job does not export',
    pass: () => wiredWith((w) => w.extra.push(dashboard('sum(rate(http_requests_total{job="api"}[5m]))'))),
    fail: () => wiredWith((w) => w.extra.push(dashboard('sum(rate(grpc_server_handled_total{job="api"}[5m]))'))),
    expected: [at(`${APP}/extra-0.yaml`, 'ConfigMap/monitoring/dashboard-api', 'dashboard panel "Rate" queries grpc_server_handled_total (job api), which no scrape target exports')],
  },
  {
    rule: queriedSeries,
    name: 'request-rate autoscaling of a workload nobody scrapes; platform series without the monitoring stack',
    pass: () => files(wired()),
    fail: () => {
      const w = wired();
      w.serviceMonitor.spec.selector.matchLabels = { app: 'api' };
      w.service.metadata.labels = { app: 'other' };
      return files(w).filter((f) => !f.path.endsWith('kube-prometheus-stack.yaml'));
    },
    expected: [
      at(`${APP}/prometheusrule.yaml`, `PrometheusRule/${NS}/api`, 'rule ErrorRateHigh queries http_requests_total, which no scrape target exports'),
      at(`${APP}/prometheusrule.yaml`, `PrometheusRule/${NS}/api`, 'rule LatencyHigh queries http_request_duration_seconds_bucket, which no scrape target exports'),
      at(`${APP}/prometheusrule.yaml`, `PrometheusRule/${NS}/api`, 'rule CpuHigh queries container_cpu_usage_seconds_total, which no scrape target exports'),
      at(`${APP}/prometheusrule.yaml`, `PrometheusRule/${NS}/api`, 'rule CpuHigh queries kube_pod_container_resource_limits, which no scrape target exports'),
      at('argocd/dev/apps/prometheus-adapter.yaml', 'Application/argocd/prometheus-adapter', 'prometheus-adapter rule for http_requests_per_second reads http_requests_total, which no scrape target exports'),
      at(`${APP}/hpa.yaml`, `HorizontalPodAutoscaler/${NS}/api`, 'metric http_requests_per_second needs http_requests_total from Deployment api, which no ServiceMonitor scrapes from it'),
    ],
  },
  {
    rule: topicPartitions,
    name: 'consumer group scaling past the broker default; a producer declaring enough partitions',
    pass: () =>
      wiredWith((w) => {
        w.hpa.spec.maxReplicas = 8;
        w.extra.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'producer', namespace: NS }, data: { KAFKA_TOPIC_PARTITIONS: 'events=8' } });
        w.extra.push({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'producer', namespace: NS },
          spec: { template: { metadata: { labels: { app: 'producer' } }, spec: { containers: [{ name: 'producer', envFrom: [{ configMapRef: { name: 'producer' } }] }] } } },
        });
      }),
    fail: () =>
      wiredWith((w) => {
        w.hpa.spec.maxReplicas = 4;
      }),
    expected: [at(...DEPLOYMENT, 'consumer group api can scale to 4 pods but events has 3 partitions (the broker default num.partitions)')],
  },
  {
    rule: topicPartitions,
    name: 'two workloads of one group together past the declared partitions; a topic nobody sizes',
    pass: () => files(wired()),
    fail: () =>
      wiredWith((w) => {
        w.data.resource.aws_msk_configuration.kafka.server_properties = 'auto.create.topics.enable=false';
        w.configMap.data.KAFKA_CONSUME_TOPICS = 'events,audit';
        w.extra.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'producer', namespace: NS }, data: { KAFKA_TOPIC_PARTITIONS: 'events=4' } });
        w.extra.push({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'api-replay', namespace: NS },
          spec: { replicas: 2, template: { spec: { containers: [{ name: 'replay', envFrom: [{ configMapRef: { name: 'api' } }, { configMapRef: { name: 'producer' } }] }] } } },
        });
      }),
    expected: [
      at(...DEPLOYMENT, 'consumer group api reads audit, whose partition count nobody declares (no producer\'s KAFKA_TOPIC_PARTITIONS, no broker default)'),
      at(...DEPLOYMENT, 'consumer group api can scale to 5 pods but events has 4 partitions (declared by its producer)'),
    ],
  },
  {
    rule: daemonSetTolerations,
    name: 'log agent with the chart\'s control-plane-only tolerations; node-exporter against a NoExecute taint; EBS node plugin on defaults',
    pass: () => files(wired()),
    fail: () =>
      wiredWith((w) => {
        delete w.logAgent.spec.source.helm.valuesObject.tolerations;
        w.nodePool.spec.template.spec.taints.push({ key: 'gpu', effect: 'NoExecute' });
        delete w.cluster.resource.aws_eks_addon.ebs.configuration_values;
      }),
    expected: [
      // node-exporter's chart default tolerates every NoSchedule taint, not NoExecute.
      at('argocd/dev/apps/kube-prometheus-stack.yaml', 'Application/argocd/kube-prometheus-stack', 'DaemonSet prometheus-node-exporter does not tolerate the taint of NodePool batch (gpu:NoExecute)'),
      at('argocd/dev/apps/promtail.yaml', 'Application/argocd/promtail', 'DaemonSet promtail does not tolerate the taint of node group data (pool=data:NoSchedule), NodePool batch (pool=batch:NoSchedule), NodePool batch (gpu:NoExecute)'),
      // The EBS default tolerates NoExecute only.
      at(`${TF}/cluster/main.tf.json`, 'aws_eks_addon.ebs', 'DaemonSet ebs-csi-node does not tolerate the taint of node group data (pool=data:NoSchedule), NodePool batch (pool=batch:NoSchedule)'),
    ],
  },
];
