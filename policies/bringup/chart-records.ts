/**
 * What each add-on's upstream chart puts in the cluster, as far as bring-up cares, at the pinned
 * versions of environments/versions.ts: its CRDs, the admission webhooks it registers that fail
 * closed (and what they guard), what it serves once healthy (a controller, an aggregated API), and
 * the objects our values switch on (service accounts with their IRSA roles, Services and their
 * type, Ingresses, volume claims, Secrets the pods read, ServiceMonitors, extra manifests).
 * Written from each chart's templates and values; the security settings of the chart workloads
 * are recorded separately, for admission (policies/admission/).
 */
import { at, dict, isDict, isTrue, list, str, type Dict } from '../engine/values.js';
import { anyServiceMonitor, crds, service, serviceMonitor, valueServiceAccounts, workload, type PodOptions } from './chart-objects.js';
import { cap } from './needs.js';

/** A fail-closed admission webhook: objects of these kinds are rejected while it does not answer. */
export interface WebhookGuard {
  name: string;
  group: string;
  /** Kinds guarded; `*` for every kind of the group. */
  kinds: string[];
}

export interface ChartRecord {
  objects(values: Dict, namespace: string, release: string): Dict[];
  webhooks(values: Dict): WebhookGuard[];
  /** Capabilities the add-on provides once its Application is Healthy. */
  serves: string[];
  /** What its controller works with that Terraform must create (literal names from the values). */
  terraform?(values: Dict): TerraformRef[];
}

export interface TerraformRef {
  kind: 'zone' | 'bucket' | 'queue';
  name: string;
}

const refs = (kind: TerraformRef['kind'], names: unknown[]): TerraformRef[] =>
  [...new Set(names.map(str).filter((n): n is string => n !== undefined))].sort().map((name) => ({ kind, name }));

const pod = (values: Dict, release: string, extra: PodOptions = {}): PodOptions => ({
  serviceAccountName: str(at(values, 'serviceAccount', 'name')) ?? release,
  nodeSelector: values.nodeSelector,
  tolerations: values.tolerations,
  ...extra,
});

/** The objects every chart has: its service accounts, one controller workload, a ServiceMonitor if enabled. */
function common(values: Dict, namespace: string, release: string, kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' = 'Deployment', extra: PodOptions = {}): Dict[] {
  return [
    ...valueServiceAccounts(values, namespace, release),
    workload(kind, release, namespace, pod(values, release, extra)),
    ...(anyServiceMonitor(values) ? [serviceMonitor(release, namespace)] : []),
  ];
}

const enabled = (value: unknown, byDefault: boolean) => (value === undefined ? byDefault : isTrue(value));

const generic = (kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' = 'Deployment'): ChartRecord => ({
  objects: (values, namespace, release) => common(values, namespace, release, kind),
  webhooks: () => [],
  serves: [],
});

export const CHART_RECORDS: Record<string, ChartRecord> = {
  // Installed by hand at bootstrap (README, "Bootstrap an environment"); present before the root syncs.
  'argo-cd': {
    objects: (values, namespace, release) => [...crds('argoproj.io', ['Application', 'AppProject', 'ApplicationSet']), ...common(values, namespace, release)],
    webhooks: () => [],
    serves: [cap.controller('argoproj.io')],
  },
  atlantis: {
    objects: (values, namespace, release) => {
      const ingress = isDict(values.ingress) ? values.ingress : {};
      const secrets = [str(values.vcsSecretName)].filter((s): s is string => s !== undefined);
      const claims = enabled(at(values, 'volumeClaim', 'enabled'), true) ? [str(at(values, 'volumeClaim', 'storageClassName')) ?? ''] : [];
      return [
        ...common(values, namespace, release, 'StatefulSet', { secrets, volumeClaims: claims }),
        // templates/service.yaml: `type` from values, NodePort when unset (values.yaml).
        service(release, namespace, str(at(values, 'service', 'type')) ?? 'NodePort'),
        ...(enabled(ingress.enabled, true)
          ? [
              {
                apiVersion: 'networking.k8s.io/v1',
                kind: 'Ingress',
                metadata: { name: release, namespace, annotations: isDict(ingress.annotations) ? ingress.annotations : {} },
                spec: {
                  ...(str(ingress.ingressClassName) ? { ingressClassName: ingress.ingressClassName } : {}),
                  ...(Array.isArray(ingress.tls) ? { tls: ingress.tls } : {}),
                  rules: [{ ...(str(ingress.host) ? { host: ingress.host } : {}) }],
                },
              },
            ]
          : []),
        // templates/extra-manifests.yaml renders these as given, in the release namespace.
        ...list(values.extraManifests).filter(isDict).map((m) => ({ ...m, metadata: { namespace, ...(isDict(m.metadata) ? m.metadata : {}) } })),
      ];
    },
    webhooks: () => [],
    serves: [],
  },
  'aws-load-balancer-controller': {
    objects: (values, namespace, release) => [
      ...crds('elbv2.k8s.aws', ['TargetGroupBinding', 'IngressClassParams']),
      ...common(values, namespace, release),
      ...(enabled(values.createIngressClassResource, true)
        ? [{ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: str(values.ingressClass) ?? 'alb' }, spec: { controller: 'ingress.k8s.aws/alb' } }]
        : []),
    ],
    // templates/webhook.yaml (v2.x): validating on ingresses and its CRs, Fail; the Service mutator
    // (Fail, no namespace selector) only with enableServiceMutatorWebhook; the pod mutator is Ignore.
    webhooks: (values) => [
      { name: 'vingress.elbv2.k8s.aws', group: 'networking.k8s.io', kinds: ['Ingress'] },
      { name: 'vtargetgroupbinding.elbv2.k8s.aws', group: 'elbv2.k8s.aws', kinds: ['*'] },
      ...(enabled(values.enableServiceMutatorWebhook, true) ? [{ name: 'mservice.elbv2.k8s.aws', group: '', kinds: ['Service'] }] : []),
    ],
    serves: [cap.controller('ingress.k8s.aws/alb'), cap.controller('service.k8s.aws/nlb')],
  },
  'cert-manager': {
    objects: (values, namespace, release) => [
      ...(enabled(at(values, 'crds', 'enabled'), false) || isTrue(values.installCRDs)
        ? [...crds('cert-manager.io', ['Certificate', 'CertificateRequest', 'Issuer', 'ClusterIssuer']), ...crds('acme.cert-manager.io', ['Order', 'Challenge'])]
        : []),
      ...common(values, namespace, release),
    ],
    // Mutating and validating webhooks on every cert-manager.io and acme.cert-manager.io resource, failurePolicy Fail (hard-coded).
    webhooks: () => [
      { name: 'webhook.cert-manager.io', group: 'cert-manager.io', kinds: ['*'] },
      { name: 'webhook.cert-manager.io', group: 'acme.cert-manager.io', kinds: ['*'] },
    ],
    serves: [cap.controller('cert-manager.io')],
  },
  'external-secrets': {
    objects: (values, namespace, release) => [
      ...(enabled(values.installCRDs, true)
        ? [
            ...crds('external-secrets.io', ['ExternalSecret', 'SecretStore', 'ClusterSecretStore', 'ClusterExternalSecret', 'PushSecret']),
            ...crds('generators.external-secrets.io', ['Password', 'ECRAuthorizationToken', 'Fake']),
          ]
        : []),
      ...common(values, namespace, release),
    ],
    // templates/validatingwebhook.yaml: stores (failurePolicy omitted, so Fail) and ExternalSecrets (default Fail).
    webhooks: (values) =>
      enabled(at(values, 'webhook', 'create'), true)
        ? [
            { name: 'secretstore-validate.external-secrets.io', group: 'external-secrets.io', kinds: ['SecretStore', 'ClusterSecretStore'] },
            { name: 'externalsecret-validate.external-secrets.io', group: 'external-secrets.io', kinds: ['ExternalSecret'] },
          ]
        : [],
    serves: [cap.controller('external-secrets.io')],
  },
  // Karpenter 1.x: CRDs in the chart's crds/; its webhooks (webhook.enabled) are not modelled (unverified for 1.x).
  karpenter: {
    objects: (values, namespace, release) => [...crds('karpenter.sh', ['NodePool', 'NodeClaim']), ...crds('karpenter.k8s.aws', ['EC2NodeClass']), ...common(values, namespace, release)],
    webhooks: () => [],
    serves: [cap.controller('karpenter.sh')],
    terraform: (values) => refs('queue', [at(values, 'settings', 'interruptionQueue')]),
  },
  'kube-prometheus-stack': {
    objects: (values, namespace, release) => {
      const grafanaSecret = str(at(values, 'grafana', 'admin', 'existingSecret'));
      return [
        ...(enabled(at(values, 'crds', 'enabled'), true)
          ? crds('monitoring.coreos.com', ['ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'Prometheus', 'Alertmanager', 'Probe', 'AlertmanagerConfig', 'ScrapeConfig', 'ThanosRuler', 'PrometheusAgent'])
          : []),
        ...common(values, namespace, release),
        ...(enabled(at(values, 'grafana', 'enabled'), true)
          ? [workload('Deployment', str(at(values, 'grafana', 'fullnameOverride')) ?? `${release}-grafana`, namespace, { secrets: grafanaSecret ? [grafanaSecret] : [] })]
          : []),
      ];
    },
    // The operator's PrometheusRule validating webhook (prometheusOperator.admissionWebhooks), taken as fail-closed.
    webhooks: (values) =>
      enabled(at(values, 'prometheusOperator', 'admissionWebhooks', 'enabled'), true)
        ? [{ name: 'prometheusrulevalidate.monitoring.coreos.com', group: 'monitoring.coreos.com', kinds: ['PrometheusRule'] }]
        : [],
    serves: [cap.controller('monitoring.coreos.com')],
  },
  kyverno: {
    objects: (values, namespace, release) => [
      ...crds('kyverno.io', ['ClusterPolicy', 'Policy', 'PolicyException', 'ClusterCleanupPolicy', 'CleanupPolicy', 'UpdateRequest']),
      ...common(values, namespace, release),
    ],
    // kyverno-policy-validating-webhook-cfg validates every (Cluster)Policy, Fail. The resource
    // webhooks are built from installed policies; what they reject is the admission simulation's.
    webhooks: () => [{ name: 'kyverno-policy-validating-webhook-cfg', group: 'kyverno.io', kinds: ['ClusterPolicy', 'Policy'] }],
    serves: [cap.controller('kyverno.io')],
  },
  'metrics-server': { ...generic(), serves: [cap.apiService('metrics.k8s.io')] },
  'prometheus-adapter': { ...generic(), serves: [cap.apiService('custom.metrics.k8s.io')] },
  velero: {
    objects: (values, namespace, release) => [
      ...crds('velero.io', ['Backup', 'Schedule', 'BackupStorageLocation', 'VolumeSnapshotLocation', 'Restore']),
      ...common(values, namespace, release),
    ],
    webhooks: () => [],
    serves: [cap.controller('velero.io')],
    terraform: (values) => refs('bucket', list(at(values, 'configuration', 'backupStorageLocation')).map((l) => at(l, 'bucket'))),
  },
  promtail: generic('DaemonSet'),
  'external-dns': { ...generic(), terraform: (values) => refs('zone', list(values.domainFilters)) },
  loki: { ...generic('StatefulSet'), terraform: (values) => refs('bucket', Object.values(dict(at(values, 'loki', 'storage', 'bucketNames')))) },
  tempo: { ...generic('StatefulSet'), terraform: (values) => refs('bucket', [at(values, 'tempo', 'storage', 'trace', 's3', 'bucket')]) },
  'opentelemetry-collector': generic(),
};
