/**
 * kube-prometheus-stack chart 72.6.2 (prometheus-operator v0.82.2) and the subcharts packaged with
 * it: kube-state-metrics 5.33.1 (the newest 5.33.* on 2025-05-22, when 72.6.2 was released),
 * prometheus-node-exporter 4.46.0 and grafana 9.0.0 (github.com/grafana/helm-charts, tag
 * grafana-9.0.0). Read from:
 * - templates/prometheus-operator/deployment.yaml (the operator; restricted securityContexts by default);
 * - templates/prometheus-operator/admission-webhooks/job-patch/job-createSecret.yaml and
 *   job-patchWebhook.yaml (Helm pre-/post-install hooks: Argo CD PreSync and PostSync hooks);
 * - the StatefulSets the operator creates from the Prometheus and Alertmanager CRs
 *   (templates/prometheus/prometheus.yaml, templates/alertmanager/alertmanager.yaml): their Pod
 *   securityContext is the CRs' (chart default: non-root 1000, fsGroup 2000, RuntimeDefault); the
 *   operator (github.com/prometheus-operator/prometheus-operator at v0.82.2:
 *   pkg/prometheus/server/statefulset.go, pkg/alertmanager/statefulset.go,
 *   pkg/operator/config_reloader.go) sets every container's securityContext to no escalation, drop
 *   ALL and a read-only root, probes Prometheus and Alertmanager on the `web` port, gives
 *   config-reloader the `--config-reloader-*` resources and, with enableProbe, /healthz probes on
 *   port 8080 (not the init container);
 * - kube-state-metrics templates/deployment.yaml, prometheus-node-exporter templates/daemonset.yaml,
 *   grafana templates/deployment.yaml with _pod.tpl.
 * node-exporter reads the node (hostNetwork, hostPID, hostPath /, /proc, /sys): the K8S-008
 * node-agent exception. The grafana k8s-sidecar containers render no probes unless values give
 * them, and this record found no health endpoint of k8s-sidecar 1.30.0 to point them at: a dated
 * K8S-006 exception. Not recorded: the Helm test Pods (grafana testFramework is off; Argo CD never
 * runs `helm test`), and the admission-webhook Deployment (admissionWebhooks.deployment.enabled is
 * false by default).
 */
import { httpProbe, requests } from './hardened.js';
import type { ChartRecord, RecordedContainer } from './record.js';

const OPERATOR = 'v0.82.2';
const RESTRICTED = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
const RESTRICTED_SECCOMP = { ...RESTRICTED, seccompProfile: { type: 'RuntimeDefault' } };
const NOBODY_POD = { fsGroup: 65534, runAsGroup: 65534, runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } };
const PROMETHEUS_POD = { runAsGroup: 2000, runAsNonRoot: true, runAsUser: 1000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } };

const OPERATOR_RESOURCES = requests('50m', '128Mi', '500m', '256Mi');
const PATCH_RESOURCES = requests('10m', '32Mi', '100m', '64Mi');
const RELOADER_RESOURCES = requests('10m', '32Mi', '100m', '64Mi');
const NODE_EXPORTER_RESOURCES = requests('20m', '32Mi', '200m', '64Mi');
const KSM_RESOURCES = requests('20m', '64Mi', '200m', '256Mi');
const GRAFANA_RESOURCES = requests('100m', '256Mi', '500m', '512Mi');
const SIDECAR_RESOURCES = requests('10m', '64Mi', '100m', '128Mi');

const reloader = (name: string): RecordedContainer => ({
  name,
  image: `quay.io/prometheus-operator/prometheus-config-reloader:${OPERATOR}`,
  securityContext: RESTRICTED,
  resources: RELOADER_RESOURCES,
  ...(name === 'config-reloader' ? { livenessProbe: httpProbe('/healthz', 8080), readinessProbe: httpProbe('/healthz', 8080) } : {}),
});

const certgen = (name: string): RecordedContainer => ({
  name,
  image: 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.5.3',
  securityContext: RESTRICTED,
  resources: PATCH_RESOURCES,
});

const sidecar = (name: string): RecordedContainer => ({ name, image: 'quay.io/kiwigrid/k8s-sidecar:1.30.0', securityContext: RESTRICTED_SECCOMP, resources: SIDECAR_RESOURCES });

export const kubePrometheusStackRecord: ChartRecord = {
  chart: 'kube-prometheus-stack',
  version: '72.6.2',
  releaseName: 'kube-prometheus-stack',
  source: { repository: 'https://github.com/prometheus-community/helm-charts', path: 'charts/kube-prometheus-stack', ref: 'kube-prometheus-stack-72.6.2' },
  assumedValues: {
    fullnameOverride: 'kube-prometheus-stack',
    'global.imageRegistry': undefined,
    'prometheusOperator.resources': OPERATOR_RESOURCES,
    'prometheusOperator.securityContext': undefined,
    'prometheusOperator.containerSecurityContext': undefined,
    'prometheusOperator.hostNetwork': undefined,
    'prometheusOperator.livenessProbe': undefined,
    'prometheusOperator.readinessProbe': undefined,
    'prometheusOperator.tls': undefined,
    'prometheusOperator.admissionWebhooks.patch.resources': PATCH_RESOURCES,
    'prometheusOperator.admissionWebhooks.patch.securityContext': undefined,
    'prometheusOperator.admissionWebhooks.createSecretJob': undefined,
    'prometheusOperator.admissionWebhooks.patchWebhookJob': undefined,
    'prometheusOperator.admissionWebhooks.deployment': undefined,
    'prometheusOperator.admissionWebhooks.certManager': undefined,
    'prometheusOperator.prometheusConfigReloader': { enableProbe: true, resources: RELOADER_RESOURCES },
    'prometheus.prometheusSpec.securityContext': undefined,
    'prometheus.prometheusSpec.resources': requests('500m', '2Gi', '2', '4Gi'),
    'prometheus.prometheusSpec.containers': undefined,
    'prometheus.prometheusSpec.initContainers': undefined,
    'alertmanager.alertmanagerSpec.securityContext': undefined,
    'alertmanager.alertmanagerSpec.resources': requests('50m', '128Mi', '200m', '256Mi'),
    'prometheus-node-exporter': { containerSecurityContext: RESTRICTED, resources: NODE_EXPORTER_RESOURCES },
    'kube-state-metrics': { resources: KSM_RESOURCES },
    'grafana.resources': GRAFANA_RESOURCES,
    'grafana.securityContext': undefined,
    'grafana.containerSecurityContext': RESTRICTED_SECCOMP,
    'grafana.extraEmptyDirMounts': [{ name: 'tmp', mountPath: '/tmp' }],
    'grafana.persistence': { enabled: false },
    'grafana.sidecar.resources': SIDECAR_RESOURCES,
    'grafana.sidecar.securityContext': RESTRICTED_SECCOMP,
    'grafana.sidecar.livenessProbe': undefined,
    'grafana.sidecar.readinessProbe': undefined,
    'grafana.sidecar.datasources': undefined,
    'grafana.testFramework': { enabled: false },
    'grafana.extraInitContainers': undefined,
    'grafana.dashboards': undefined,
  },
  workloads: [
    {
      kind: 'Deployment',
      name: 'kube-prometheus-stack-operator',
      template: 'templates/prometheus-operator/deployment.yaml',
      podSpec: {
        securityContext: NOBODY_POD,
        volumes: [{ name: 'tls-secret', secret: {} }],
        containers: [
          {
            name: 'kube-prometheus-stack',
            image: `quay.io/prometheus-operator/prometheus-operator:${OPERATOR}`,
            securityContext: RESTRICTED,
            resources: OPERATOR_RESOURCES,
            livenessProbe: httpProbe('/healthz', 'https'),
            readinessProbe: httpProbe('/healthz', 'https'),
          },
        ],
      },
    },
    {
      kind: 'Job',
      name: 'kube-prometheus-stack-admission-create',
      template: 'templates/prometheus-operator/admission-webhooks/job-patch/job-createSecret.yaml (pre-install hook: an Argo CD PreSync hook)',
      podSpec: { securityContext: { runAsGroup: 2000, runAsNonRoot: true, runAsUser: 2000, seccompProfile: { type: 'RuntimeDefault' } }, containers: [certgen('create')] },
    },
    {
      kind: 'Job',
      name: 'kube-prometheus-stack-admission-patch',
      template: 'templates/prometheus-operator/admission-webhooks/job-patch/job-patchWebhook.yaml (post-install hook: an Argo CD PostSync hook)',
      podSpec: { securityContext: { runAsGroup: 2000, runAsNonRoot: true, runAsUser: 2000, seccompProfile: { type: 'RuntimeDefault' } }, containers: [certgen('patch')] },
    },
    {
      kind: 'StatefulSet',
      name: 'prometheus-kube-prometheus-stack-prometheus',
      template: 'templates/prometheus/prometheus.yaml',
      createdBy: 'the Prometheus operator from Prometheus/kube-prometheus-stack-prometheus',
      podSpec: {
        securityContext: PROMETHEUS_POD,
        volumes: [{ name: 'config', secret: {} }, { name: 'tls-assets', projected: {} }, { name: 'config-out', emptyDir: {} }, { name: 'prometheus-kube-prometheus-stack-prometheus-rulefiles-0', configMap: {} }, { name: 'web-config', secret: {} }],
        initContainers: [reloader('init-config-reloader')],
        containers: [
          {
            name: 'prometheus',
            image: 'quay.io/prometheus/prometheus:v3.4.0',
            securityContext: RESTRICTED,
            resources: requests('500m', '2Gi', '2', '4Gi'),
            livenessProbe: httpProbe('/-/healthy', 'web'),
            readinessProbe: httpProbe('/-/ready', 'web'),
          },
          reloader('config-reloader'),
        ],
      },
    },
    {
      kind: 'StatefulSet',
      name: 'alertmanager-kube-prometheus-stack-alertmanager',
      template: 'templates/alertmanager/alertmanager.yaml',
      createdBy: 'the Prometheus operator from Alertmanager/kube-prometheus-stack-alertmanager',
      podSpec: {
        securityContext: PROMETHEUS_POD,
        volumes: [{ name: 'config-volume', secret: {} }, { name: 'tls-assets', projected: {} }, { name: 'config-out', emptyDir: {} }, { name: 'web-config', secret: {} }],
        initContainers: [reloader('init-config-reloader')],
        containers: [
          {
            name: 'alertmanager',
            image: 'quay.io/prometheus/alertmanager:v0.28.1',
            securityContext: RESTRICTED,
            resources: requests('50m', '128Mi', '200m', '256Mi'),
            livenessProbe: httpProbe('/-/healthy', 'web'),
            readinessProbe: httpProbe('/-/ready', 'web'),
          },
          reloader('config-reloader'),
        ],
      },
    },
    {
      kind: 'Deployment',
      name: 'kube-prometheus-stack-kube-state-metrics',
      template: 'charts/kube-state-metrics/templates/deployment.yaml (subchart 5.33.1)',
      podSpec: {
        securityContext: NOBODY_POD,
        containers: [
          {
            name: 'kube-state-metrics',
            image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.15.0',
            securityContext: RESTRICTED,
            resources: KSM_RESOURCES,
            livenessProbe: httpProbe('/livez', 8080),
            readinessProbe: httpProbe('/readyz', 8081),
          },
        ],
      },
    },
    {
      kind: 'DaemonSet',
      name: 'kube-prometheus-stack-prometheus-node-exporter',
      template: 'charts/prometheus-node-exporter/templates/daemonset.yaml (subchart 4.46.0)',
      podSpec: {
        securityContext: { fsGroup: 65534, runAsGroup: 65534, runAsNonRoot: true, runAsUser: 65534 },
        hostNetwork: true,
        hostPID: true,
        volumes: [
          { name: 'proc', hostPath: { path: '/proc' } },
          { name: 'sys', hostPath: { path: '/sys' } },
          { name: 'root', hostPath: { path: '/' } },
        ],
        containers: [
          {
            name: 'node-exporter',
            image: 'quay.io/prometheus/node-exporter:v1.9.1',
            securityContext: RESTRICTED,
            resources: NODE_EXPORTER_RESOURCES,
            livenessProbe: httpProbe('/', 9100),
            readinessProbe: httpProbe('/', 9100),
          },
        ],
      },
    },
    {
      kind: 'Deployment',
      name: 'grafana',
      template: 'charts/grafana/templates/deployment.yaml with _pod.tpl (subchart 9.0.0)',
      podSpec: {
        securityContext: { runAsNonRoot: true, runAsUser: 472, runAsGroup: 472, fsGroup: 472 },
        volumes: [
          { name: 'config', configMap: {} },
          { name: 'storage', emptyDir: {} },
          { name: 'sc-dashboard-volume', emptyDir: {} },
          { name: 'sc-dashboard-provider', configMap: {} },
          { name: 'sc-datasources-volume', emptyDir: {} },
          { name: 'tmp', emptyDir: {} },
        ],
        containers: [
          sidecar('grafana-sc-dashboard'),
          sidecar('grafana-sc-datasources'),
          {
            name: 'grafana',
            image: 'docker.io/grafana/grafana:12.0.0',
            securityContext: RESTRICTED_SECCOMP,
            resources: GRAFANA_RESOURCES,
            livenessProbe: httpProbe('/api/health', 3000),
            readinessProbe: httpProbe('/api/health', 3000),
          },
        ],
      },
    },
  ],
};
