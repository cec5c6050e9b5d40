/**
 * kube-prometheus-stack: the Prometheus operator and its CRDs, Prometheus (every ServiceMonitor
 * and PrometheusRule in the cluster, and the MSK brokers' exporters), Alertmanager routing by team
 * and severity to the environment's receivers (alertmanager/), and Grafana with Loki and Tempo
 * datasources and the per-service RED dashboards of the `monitoring` app. EKS does not expose its control plane to scraping: those jobs are off.
 */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { STORAGE_CLASS } from '../baseline/storage.js';
import { grafanaAuthValues, type GrafanaAuthValues } from './grafana-auth.js';
import { GRAFANA_ADMIN_KEYS, MONITORING_APP } from '../monitoring/index.js';
import { KAFKA_SCRAPE_KEY } from '../monitoring/kafka-scrape.js';
import { alertmanagerConfig, alertmanagerSecrets } from './alertmanager/config.js';
import type { AlertmanagerConfig } from './alertmanager/types.js';
import { GRAFANA, LOKI, PROMETHEUS, TEMPO } from './endpoints.js';
import {
  addonRelease,
  controllerReplicas,
  irsaServiceAccount,
  resources,
  telemetryRetentionDays,
  type ResourceValues,
  type ServiceAccountValues,
} from './release.js';

/** Prometheus disk per day of retention. */
const PROMETHEUS_GIB_PER_DAY = 4;

interface VolumeClaim {
  volumeClaimTemplate: { spec: { storageClassName: string; accessModes: string[]; resources: { requests: { storage: string } } } };
}

interface Datasource {
  name: string;
  type: string;
  uid: string;
  url: string;
  access: 'proxy';
  jsonData?: Record<string, unknown>;
}

/** A container securityContext: what Kyverno requires (policies K8S-002, K8S-003, K8S-004). */
interface ContainerSecurity {
  allowPrivilegeEscalation: false;
  readOnlyRootFilesystem: true;
  capabilities: { drop: ['ALL'] };
  seccompProfile?: { type: 'RuntimeDefault' };
}

const RESTRICTED_CONTAINER: ContainerSecurity = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
const RESTRICTED_CONTAINER_SECCOMP: ContainerSecurity = { ...RESTRICTED_CONTAINER, seccompProfile: { type: 'RuntimeDefault' } };

interface KubePrometheusStackValues {
  fullnameOverride: string;
  /**
   * The chart leaves resources empty for the operator, its admission-webhook certificate Jobs and
   * the config-reloader sidecars the operator adds to Prometheus and Alertmanager (policy K8S-005);
   * `enableProbe` gives those sidecars liveness and readiness probes (policy K8S-006).
   */
  prometheusOperator: {
    resources: ResourceValues;
    admissionWebhooks: { patch: { resources: ResourceValues } };
    prometheusConfigReloader: { enableProbe: boolean; resources: ResourceValues };
  };
  /** Subchart values: the chart sets only readOnlyRootFilesystem on node-exporter's container, and no resources. */
  'prometheus-node-exporter': { containerSecurityContext: ContainerSecurity; resources: ResourceValues };
  'kube-state-metrics': { resources: ResourceValues };
  crds: { enabled: boolean };
  defaultRules: { create: boolean };
  kubeControllerManager: { enabled: boolean };
  kubeScheduler: { enabled: boolean };
  kubeEtcd: { enabled: boolean };
  kubeProxy: { enabled: boolean };
  prometheus: {
    prometheusSpec: {
      replicas: number;
      retention: string;
      externalLabels: Record<string, string>;
      serviceMonitorSelectorNilUsesHelmValues: boolean;
      podMonitorSelectorNilUsesHelmValues: boolean;
      ruleSelectorNilUsesHelmValues: boolean;
      probeSelectorNilUsesHelmValues: boolean;
      storageSpec: VolumeClaim;
      resources: ResourceValues;
      /** Scrape jobs from a Secret: the MSK brokers' exporters, whose names only Terraform knows (monitoring app). */
      additionalScrapeConfigsSecret: { enabled: boolean; name: string; key: string };
    };
  };
  alertmanager: {
    serviceAccount: ServiceAccountValues;
    config: AlertmanagerConfig;
    /** `secrets`: Secrets the operator mounts at /etc/alertmanager/secrets/<name>/ (receiver credentials). */
    alertmanagerSpec: { replicas: number; storage: VolumeClaim; resources: ResourceValues; secrets: string[] };
  };
  grafana: GrafanaAuthValues & {
    fullnameOverride: string;
    admin: { existingSecret: string; userKey: string; passwordKey: string };
    defaultDashboardsTimezone: string;
    /**
     * The k8s-sidecar containers (dashboards, datasources) share these; at 1.30.0 (grafana chart
     * 9.0.0's pin) they write only to their emptyDir folders. k8s-sidecar 1.30.11 and later also need a
     * writable temporary directory (grafana/helm-charts#3936): mount one when the chart moves past it.
     */
    sidecar: { dashboards: { enabled: boolean; label: string; labelValue: string }; resources: ResourceValues; securityContext: ContainerSecurity };
    additionalDataSources: Datasource[];
    persistence: { enabled: boolean };
    resources: ResourceValues;
    /** Read-only root (policy K8S-003): Grafana writes only to /var/lib/grafana (the chart's emptyDir) and /tmp. */
    containerSecurityContext: ContainerSecurity;
    extraEmptyDirMounts: { name: string; mountPath: string }[];
    /** Helm test Pods (`helm test` only; Argo CD never runs them): off. */
    testFramework: { enabled: boolean };
  };
}

function volumeClaim(size: string): VolumeClaim {
  return { volumeClaimTemplate: { spec: { storageClassName: STORAGE_CLASS, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } } } };
}

function datasources(): Datasource[] {
  return [
    { name: 'Loki', type: 'loki', uid: 'loki', url: LOKI.queryUrl, access: 'proxy' },
    {
      name: 'Tempo',
      type: 'tempo',
      uid: 'tempo',
      url: TEMPO.queryUrl,
      access: 'proxy',
      jsonData: { tracesToLogsV2: { datasourceUid: 'loki' }, serviceMap: { datasourceUid: 'prometheus' }, nodeGraph: { enabled: true } },
    },
  ];
}

export function kubePrometheusStackRelease(env: ResolvedEnvironment): HelmRelease {
  const replicas = controllerReplicas(env);
  const retentionDays = telemetryRetentionDays(env);
  return addonRelease<KubePrometheusStackValues>(
    env,
    'kube-prometheus-stack',
    { namespace: PROMETHEUS.namespace, dependsOn: [BASELINE_APP, MONITORING_APP], serverSideApply: true },
    {
      fullnameOverride: PROMETHEUS.fullname,
      prometheusOperator: {
        resources: resources('50m', '128Mi', '500m', '256Mi'),
        admissionWebhooks: { patch: { resources: resources('10m', '32Mi', '100m', '64Mi') } },
        prometheusConfigReloader: { enableProbe: true, resources: resources('10m', '32Mi', '100m', '64Mi') },
      },
      'prometheus-node-exporter': { containerSecurityContext: RESTRICTED_CONTAINER, resources: resources('20m', '32Mi', '200m', '64Mi') },
      'kube-state-metrics': { resources: resources('20m', '64Mi', '200m', '256Mi') },
      crds: { enabled: true },
      defaultRules: { create: true },
      kubeControllerManager: { enabled: false },
      kubeScheduler: { enabled: false },
      kubeEtcd: { enabled: false },
      kubeProxy: { enabled: false },
      prometheus: {
        prometheusSpec: {
          replicas,
          retention: `${retentionDays}d`,
          externalLabels: { environment: env.name, cluster: naming.clusterName(env.name) },
          // Select every ServiceMonitor, PodMonitor, Probe and PrometheusRule, not only the chart's own.
          serviceMonitorSelectorNilUsesHelmValues: false,
          podMonitorSelectorNilUsesHelmValues: false,
          ruleSelectorNilUsesHelmValues: false,
          probeSelectorNilUsesHelmValues: false,
          storageSpec: volumeClaim(`${retentionDays * PROMETHEUS_GIB_PER_DAY}Gi`),
          resources: resources('500m', '2Gi', '2', '4Gi'),
          additionalScrapeConfigsSecret: { enabled: true, name: naming.kafkaScrapeSecret, key: KAFKA_SCRAPE_KEY },
        },
      },
      alertmanager: {
        serviceAccount: irsaServiceAccount(env, 'alertmanager'),
        config: alertmanagerConfig(env),
        alertmanagerSpec: {
          replicas,
          storage: volumeClaim('10Gi'),
          resources: resources('50m', '128Mi', '200m', '256Mi'),
          secrets: alertmanagerSecrets(env, naming.alertReceiversSecret),
        },
      },
      grafana: {
        fullnameOverride: GRAFANA.fullname,
        admin: { existingSecret: GRAFANA.adminSecret, userKey: GRAFANA_ADMIN_KEYS.user, passwordKey: GRAFANA_ADMIN_KEYS.password },
        defaultDashboardsTimezone: 'utc',
        sidecar: {
          dashboards: { enabled: true, label: GRAFANA.dashboardLabel, labelValue: '1' },
          resources: resources('10m', '64Mi', '100m', '128Mi'),
          securityContext: RESTRICTED_CONTAINER_SECCOMP,
        },
        additionalDataSources: datasources(),
        persistence: { enabled: false },
        resources: resources('100m', '256Mi', '500m', '512Mi'),
        containerSecurityContext: RESTRICTED_CONTAINER_SECCOMP,
        extraEmptyDirMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        testFramework: { enabled: false },
        ...grafanaAuthValues(env),
      },
    },
  );
}
