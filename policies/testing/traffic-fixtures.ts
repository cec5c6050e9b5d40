/**
 * A small environment for the traffic check: a VPC with public, private and database subnets, an
 * EKS cluster whose nodes and control plane use the private subnets, vpc-cni enforcing
 * NetworkPolicies; in the cluster, a gateway behind an internet-facing ALB (target type ip) calling
 * one backend Service, with default deny, DNS and exactly the allows they need. Tests change one
 * thing and read what the check says.
 */
import type { PolicyFile } from '../engine/documents.js';
import { allowDns, defaultDeny, yamlFile, type Manifest } from './kubernetes-fixtures.js';

export { allowDns, defaultDeny };

export const APPS = 'platform-apps';
export const SYSTEM = 'platform-system';
const DIR = 'generated/kubernetes/dev';
export const CLUSTER_FILE = 'generated/terraform/dev/cluster/main.tf.json';

const subnet = (cidr: string, tags: Record<string, string>) => ({ cidr_block: cidr, vpc_id: '${aws_vpc.vpc.id}', tags });

/** `cniValues` null: vpc-cni without configuration values. */
export function terraform(cniValues: Record<string, unknown> | null = { enableNetworkPolicy: 'true' }): PolicyFile {
  return {
    path: CLUSTER_FILE,
    environment: 'dev',
    content: {
      format: 'json',
      value: {
        resource: {
          aws_vpc: { vpc: { cidr_block: '10.0.0.0/16' } },
          aws_subnet: {
            public_a: subnet('10.0.0.0/24', { 'kubernetes.io/role/elb': '1' }),
            private_a: subnet('10.0.16.0/20', { 'kubernetes.io/role/internal-elb': '1' }),
            private_b: subnet('10.0.32.0/20', { 'kubernetes.io/role/internal-elb': '1' }),
            database_a: subnet('10.0.64.0/24', {}),
          },
          aws_db_subnet_group: { db: { subnet_ids: ['${aws_subnet.database_a.id}'] } },
          aws_eks_cluster: { cluster: { name: 'dev', vpc_config: { subnet_ids: ['${aws_subnet.private_a.id}', '${aws_subnet.private_b.id}'] } } },
          aws_eks_node_group: { system: { subnet_ids: ['${aws_subnet.private_a.id}', '${aws_subnet.private_b.id}'] } },
          aws_eks_addon: {
            vpc_cni: { addon_name: 'vpc-cni', cluster_name: 'dev', ...(cniValues ? { configuration_values: JSON.stringify(cniValues) } : {}) },
          },
        },
      },
    },
  };
}

const labels = (name: string) => ({ 'app.kubernetes.io/name': name });

export function deployment(name: string, port: number, extra: Manifest = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: APPS },
    spec: {
      selector: { matchLabels: labels(name) },
      template: {
        metadata: { labels: labels(name) },
        spec: { containers: [{ name, image: `${name}:1.0.0`, ports: [{ name: 'http', containerPort: port }], envFrom: [{ configMapRef: { name } }] }], ...extra },
      },
    },
  };
}

export const service = (name: string, port: number): Manifest => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: APPS, labels: labels(name) },
  spec: { selector: labels(name), ports: [{ name: 'http', port: 80, targetPort: port }] },
});

export const configMap = (name: string, data: Record<string, string>): Manifest => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: APPS }, data });

export function networkPolicy(name: string, namespace: string, spec: Manifest): Manifest {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

export const ingress = (): Manifest => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'gateway', namespace: APPS, annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing', 'alb.ingress.kubernetes.io/target-type': 'ip' } },
  spec: { ingressClassName: 'alb', rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'gateway', port: { name: 'http' } } } }] } }] },
});

export const gatewayPolicy = (from: Manifest[] = [{ ipBlock: { cidr: '10.0.0.0/24' } }]) =>
  networkPolicy('gateway', APPS, {
    podSelector: { matchLabels: labels('gateway') },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from, ports: [{ protocol: 'TCP', port: 8080 }] }],
    egress: [{ to: [{ podSelector: { matchLabels: labels('backend') } }], ports: [{ protocol: 'TCP', port: 9000 }] }],
  });

export const backendPolicy = (ingressRules: Manifest[] = [{ from: [{ podSelector: { matchLabels: labels('gateway') } }], ports: [{ protocol: 'TCP', port: 'http' }] }]) =>
  networkPolicy('backend', APPS, {
    podSelector: { matchLabels: labels('backend') },
    policyTypes: ['Ingress', 'Egress'],
    ingress: ingressRules,
    egress: [{ to: [{ ipBlock: { cidr: '10.0.64.0/24' } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
  });

export interface Parts {
  cni?: Record<string, unknown> | null;
  gatewayPolicy?: Manifest;
  backendPolicy?: Manifest;
  /** false: no DNS egress for platform-apps. */
  dns?: boolean;
  extra?: PolicyFile[];
}

/** The compliant environment; `parts` replaces one piece. */
export function trafficEnvironment(parts: Parts = {}): PolicyFile[] {
  return [
    parts.cni === undefined ? terraform() : terraform(parts.cni),
    yamlFile(`${DIR}/baseline/namespace.yaml`, [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: APPS } }]),
    yamlFile(`${DIR}/baseline/networkpolicy-default-deny.yaml`, [defaultDeny(APPS)]),
    ...(parts.dns === false ? [] : [yamlFile(`${DIR}/baseline/networkpolicy-allow-dns.yaml`, [allowDns(APPS)])]),
    yamlFile(`${DIR}/gateway/deployment.yaml`, [deployment('gateway', 8080)]),
    yamlFile(`${DIR}/gateway/service.yaml`, [service('gateway', 8080)]),
    yamlFile(`${DIR}/gateway/configmap.yaml`, [configMap('gateway', { BACKEND_URL: 'http://backend.platform-apps.svc.cluster.local:80' })]),
    yamlFile(`${DIR}/gateway/ingress.yaml`, [ingress()]),
    yamlFile(`${DIR}/gateway/networkpolicy.yaml`, [parts.gatewayPolicy ?? gatewayPolicy()]),
    yamlFile(`${DIR}/backend/deployment.yaml`, [deployment('backend', 9000)]),
    yamlFile(`${DIR}/backend/service.yaml`, [service('backend', 9000)]),
    yamlFile(`${DIR}/backend/configmap.yaml`, [configMap('backend', { POSTGRES_HOST: 'postgres.dev.internal', POSTGRES_PORT: '5432' })]),
    yamlFile(`${DIR}/backend/networkpolicy.yaml`, [parts.backendPolicy ?? backendPolicy()]),
    ...(parts.extra ?? []),
  ];
}
