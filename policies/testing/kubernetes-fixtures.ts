/**
 * Kubernetes fixtures for the rule tests: a small app that passes every rule, and helpers to
 * derive a failing variant by changing one thing.
 */

import { metricsAnnotations } from '../../generators/kubernetes/service/metrics.js';
import type { PolicyFile } from '../engine/documents.js';

/** Fixtures are freely mutated in tests; `any` keeps the mutations short. */
export type Manifest = Record<string, any>;

export const NAMESPACE = 'platform-apps';
export const APP_DIR = 'generated/kubernetes/dev/api';

export function compliantContainer(name = 'api'): Manifest {
  return {
    name,
    image: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/platform/api:1.4.2',
    ports: [{ containerPort: 8080 }],
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } },
    livenessProbe: { httpGet: { path: '/livez', port: 8080 } },
    readinessProbe: { httpGet: { path: '/readyz', port: 8080 } },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    },
  };
}

export function compliantDeployment(): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: NAMESPACE },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'api' } },
      template: {
        // What the image exports on its port, as a service declares it (the ServiceMonitor scrapes it: WIRE-005).
        metadata: { labels: { app: 'api' }, annotations: metricsAnnotations({ port: 8080, path: '/metrics', families: [{ name: 'http_requests_total', type: 'counter' }] }) },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: 10001 },
          // Traces go to the collector (a flow the traffic check sees declared).
          containers: [{ ...compliantContainer(), env: [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://opentelemetry-collector.platform-monitoring.svc.cluster.local:4317' }] }],
        },
      },
    },
  };
}

export const namespace = (name = NAMESPACE): Manifest => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

export const defaultDeny = (ns = NAMESPACE): Manifest => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'default-deny', namespace: ns },
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
});

/** Egress to CoreDNS, which every pod needs once NetworkPolicies are enforced (K8S-020). */
export const allowDns = (ns = NAMESPACE): Manifest => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'allow-dns', namespace: ns },
  spec: {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      },
    ],
  },
});

/** The app's Service and the ServiceMonitor that has Prometheus scrape it (flows the traffic check sees declared). */
export const appService = (): Manifest => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'api', namespace: NAMESPACE, labels: { app: 'api' } },
  spec: { selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
});
export const serviceMonitor = (): Manifest => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'ServiceMonitor',
  metadata: { name: 'api', namespace: NAMESPACE },
  spec: { selector: { matchLabels: { app: 'api' } }, endpoints: [{ port: 'http', path: '/metrics' }] },
});

export const pdb = (): Manifest => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'api', namespace: NAMESPACE },
  spec: { minAvailable: 1, selector: { matchLabels: { app: 'api' } } },
});

export const hpa = (maxReplicas = 6): Manifest => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'api', namespace: NAMESPACE },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, minReplicas: 2, maxReplicas },
});

export const externalSecret = (): Manifest => ({
  apiVersion: 'external-secrets.io/v1beta1',
  kind: 'ExternalSecret',
  metadata: { name: 'api', namespace: NAMESPACE },
  spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws-secrets-manager' }, target: { name: 'api' } },
});

export function yamlFile(path: string, documents: Manifest[], environment: string | null = 'dev'): PolicyFile {
  return { path, environment, content: { format: 'yaml', documents } };
}

/** The compliant app, one file per object, as the Kubernetes generators lay it out. */
export function compliantApp(overrides: { deployment?: Manifest; extra?: Manifest[] } = {}): PolicyFile[] {
  return [
    yamlFile(`${APP_DIR}/namespace.yaml`, [namespace(), defaultDeny(), allowDns()]),
    yamlFile(`${APP_DIR}/deployment.yaml`, [overrides.deployment ?? compliantDeployment()]),
    yamlFile(`${APP_DIR}/pdb.yaml`, [pdb()]),
    yamlFile(`${APP_DIR}/service.yaml`, [appService()]),
    yamlFile(`${APP_DIR}/servicemonitor.yaml`, [serviceMonitor()]),
    yamlFile(`${APP_DIR}/hpa.yaml`, [hpa()]),
    yamlFile(`${APP_DIR}/external-secret.yaml`, [externalSecret()]),
    ...(overrides.extra ?? []).map((doc, i) => yamlFile(`${APP_DIR}/extra-${i}.yaml`, [doc])),
  ];
}

/** The compliant app with its Deployment changed by `change`. */
export function withDeployment(change: (deployment: Manifest) => void): PolicyFile[] {
  const deployment = compliantDeployment();
  change(deployment);
  return compliantApp({ deployment });
}

/** Shortcut to the Deployment's first container and Pod spec. */
export const podSpec = (deployment: Manifest): Manifest => deployment.spec.template.spec;
export const firstContainer = (deployment: Manifest): Manifest => deployment.spec.template.spec.containers[0];
