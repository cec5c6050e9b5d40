/** Table of traffic rule fixtures: the compliant environment of traffic-fixtures.ts, one change at a time. */
import type { Finding } from '../engine/types.js';
import { trafficReachability } from '../traffic/reachability.js';
import { yamlFile, type Manifest } from './kubernetes-fixtures.js';
import type { RuleCase } from './run-rule.js';
import { allowDns, backendPolicy, CLUSTER_FILE, defaultDeny, gatewayPolicy, networkPolicy, trafficEnvironment } from './traffic-fixtures.js';

const DIR = 'generated/kubernetes/dev';
const GATEWAY = 'Deployment/platform-apps/gateway';
const BACKEND = 'Deployment/platform-apps/backend';
const at = (file: string, resource: string, message: string): Finding => ({ file, resource, message });
const ingressFile = `${DIR}/gateway/ingress.yaml`;
const POLICY_NS = 'platform-policy';

/** Kyverno from its chart in platform-policy, with the baseline's namespace policies; `controlPlane` is the webhook allow. */
function kyverno(controlPlane: Manifest): ReturnType<typeof yamlFile>[] {
  const application: Manifest = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'kyverno', namespace: 'argocd' },
    spec: {
      project: 'platform',
      source: { repoURL: 'https://kyverno.github.io/kyverno', chart: 'kyverno', targetRevision: '3.4.5' },
      destination: { server: 'https://kubernetes.default.svc', namespace: POLICY_NS },
    },
  };
  return [
    yamlFile('argocd/dev/apps/kyverno.yaml', [application]),
    yamlFile(`${DIR}/baseline/networkpolicy-platform-policy.yaml`, [
      defaultDeny(POLICY_NS),
      allowDns(POLICY_NS),
      networkPolicy('allow-https-egress', POLICY_NS, { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] }] }),
      networkPolicy('allow-from-control-plane', POLICY_NS, { podSelector: {}, policyTypes: ['Ingress'], ingress: [controlPlane] }),
    ]),
  ];
}

const privateSubnets = [{ ipBlock: { cidr: '10.0.16.0/20' } }, { ipBlock: { cidr: '10.0.32.0/20' } }];
/** The gateway may also reach AWS over HTTPS anywhere. */
const gatewayWithHttps = (() => {
  const policy = gatewayPolicy();
  policy.spec.egress.push({ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] });
  return policy;
})();

/** kube-prometheus-stack in platform-monitoring and a ServiceMonitor for the backend's `http` port. */
const prometheus = () => [
  yamlFile('argocd/dev/apps/kube-prometheus-stack.yaml', [
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'kube-prometheus-stack', namespace: 'argocd' },
      spec: {
        project: 'platform',
        source: { repoURL: 'https://prometheus-community.github.io/helm-charts', chart: 'kube-prometheus-stack', targetRevision: '72.0.0' },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'platform-monitoring' },
      },
    },
  ]),
  yamlFile(`${DIR}/backend/servicemonitor.yaml`, [
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'backend', namespace: 'platform-apps' },
      spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'backend' } }, endpoints: [{ port: 'http', path: '/metrics' }] },
    },
  ]),
];
const fromGateway = { from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }], ports: [{ protocol: 'TCP', port: 'http' }] };
const fromPrometheus = {
  from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'platform-monitoring' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } }],
};

export const trafficCases: RuleCase[] = [
  {
    rule: trafficReachability,
    name: 'vpc-cni without enableNetworkPolicy',
    pass: () => trafficEnvironment(),
    fail: () => trafficEnvironment({ cni: { enableNetworkPolicy: 'false' } }),
    expected: [
      at(CLUSTER_FILE, 'aws_eks_addon.vpc_cni', 'NetworkPolicies are not enforced: aws_eks_addon.vpc_cni does not set enableNetworkPolicy to "true" in configuration_values (off by default); every default deny and allow is inert'),
    ],
  },
  {
    rule: trafficReachability,
    name: 'the load balancer allow admits the private subnets instead of the public ones',
    pass: () => trafficEnvironment(),
    fail: () => trafficEnvironment({ gatewayPolicy: gatewayPolicy(privateSubnets) }),
    expected: [
      at(ingressFile, GATEWAY, "needed flow the internet-facing load balancer's subnets (10.0.0.0-10.0.0.255) → Deployment/platform-apps/gateway on TCP 8080 is denied by the ingress of the destination (needed because Ingress/platform-apps/gateway routes to it)"),
      at(`${DIR}/gateway/deployment.yaml`, GATEWAY, 'CoreDNS pods (kube-system) → Deployment/platform-apps/gateway on TCP 8080 is allowed but nothing declares it'),
    ],
  },
  {
    rule: trafficReachability,
    name: 'ipBlock except removes part of the load balancer subnet',
    pass: () => trafficEnvironment({ gatewayPolicy: gatewayPolicy([{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.16.0/20', '10.0.32.0/20', '10.0.64.0/24'] } }]) }),
    fail: () => trafficEnvironment({ gatewayPolicy: gatewayPolicy([{ ipBlock: { cidr: '10.0.0.0/24', except: ['10.0.0.128/25'] } }]) }),
    expected: [
      at(ingressFile, GATEWAY, "needed flow the internet-facing load balancer's subnets (10.0.0.0-10.0.0.255) → Deployment/platform-apps/gateway on TCP 8080 is denied by the ingress of the destination (needed because Ingress/platform-apps/gateway routes to it)"),
    ],
  },
  {
    rule: trafficReachability,
    name: 'a named port the destination container does not have',
    pass: () => trafficEnvironment(),
    fail: () => trafficEnvironment({ backendPolicy: backendPolicy([{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }], ports: [{ protocol: 'TCP', port: 'metrics' }] }]) }),
    expected: [
      at(`${DIR}/gateway/deployment.yaml`, BACKEND, 'needed flow Deployment/platform-apps/gateway → Deployment/platform-apps/backend on TCP 9000 is denied by the ingress of the destination (needed because its configuration calls backend.platform-apps:80)'),
    ],
  },
  {
    rule: trafficReachability,
    name: 'the backend admits every pod of every namespace',
    pass: () => trafficEnvironment(),
    fail: () => trafficEnvironment({ backendPolicy: backendPolicy([{ from: [{ namespaceSelector: {} }] }]) }),
    expected: [at(`${DIR}/backend/deployment.yaml`, BACKEND, 'CoreDNS pods (kube-system) → Deployment/platform-apps/backend on TCP 9000 is allowed but nothing declares it')],
  },
  {
    rule: trafficReachability,
    name: 'the database allow covers only half of the data store subnets',
    pass: () => trafficEnvironment(),
    fail: () =>
      trafficEnvironment({
        backendPolicy: (() => {
          const policy = backendPolicy();
          policy.spec.egress = [{ to: [{ ipBlock: { cidr: '10.0.64.0/25' } }], ports: [{ protocol: 'TCP', port: 5432 }] }];
          return policy;
        })(),
      }),
    expected: [
      at(`${DIR}/backend/deployment.yaml`, BACKEND, "needed flow Deployment/platform-apps/backend → the data stores' subnets (10.0.64.0-10.0.64.255) on TCP 5432 is denied by the egress of the source (needed because it uses POSTGRES_HOST=postgres.dev.internal)"),
    ],
  },
  {
    rule: trafficReachability,
    name: 'the control-plane allow of a webhook namespace has no ports: pods in the cluster subnets get in (gateway egress allows 443 only)',
    pass: () => trafficEnvironment({ gatewayPolicy: gatewayWithHttps, extra: kyverno({ from: privateSubnets, ports: [{ protocol: 'TCP', port: 9443 }] }) }),
    fail: () => trafficEnvironment({ gatewayPolicy: gatewayWithHttps, extra: kyverno({ from: privateSubnets }) }),
    expected: [
      at(`${DIR}/gateway/deployment.yaml`, GATEWAY, 'Deployment/platform-apps/gateway → other pods of platform-policy on TCP 443 is allowed but nothing declares it'),
    ],
  },
  {
    rule: trafficReachability,
    name: 'no DNS egress',
    pass: () => trafficEnvironment(),
    fail: () => trafficEnvironment({ dns: false }),
    expected: [
      at(`${DIR}/gateway/deployment.yaml`, GATEWAY, 'needed flow Deployment/platform-apps/gateway → CoreDNS pods (kube-system) on UDP 53 is denied by the egress of the source (needed because every pod resolves names)'),
      at(`${DIR}/gateway/deployment.yaml`, GATEWAY, 'needed flow Deployment/platform-apps/gateway → CoreDNS pods (kube-system) on TCP 53 is denied by the egress of the source (needed because every pod resolves names)'),
      at(`${DIR}/backend/deployment.yaml`, BACKEND, 'needed flow Deployment/platform-apps/backend → CoreDNS pods (kube-system) on UDP 53 is denied by the egress of the source (needed because every pod resolves names)'),
      at(`${DIR}/backend/deployment.yaml`, BACKEND, 'needed flow Deployment/platform-apps/backend → CoreDNS pods (kube-system) on TCP 53 is denied by the egress of the source (needed because every pod resolves names)'),
    ],
  },
  {
    rule: trafficReachability,
    name: 'Prometheus may not scrape a ServiceMonitor target',
    pass: () => trafficEnvironment({ backendPolicy: backendPolicy([fromGateway, fromPrometheus]), extra: prometheus() }),
    fail: () => trafficEnvironment({ backendPolicy: backendPolicy([fromGateway]), extra: prometheus() }),
    expected: [
      at(`${DIR}/backend/servicemonitor.yaml`, BACKEND, 'needed flow kube-prometheus-stack prometheus pods (platform-monitoring) → Deployment/platform-apps/backend on TCP 9000 is denied by the ingress of the destination (needed because ServiceMonitor/platform-apps/backend scrapes it)'),
    ],
  },
  {
    rule: trafficReachability,
    name: 'the webhook port is not open to the control plane',
    pass: () => trafficEnvironment({ extra: kyverno({ from: privateSubnets, ports: [{ protocol: 'TCP', port: 9443 }] }) }),
    fail: () => trafficEnvironment({ extra: kyverno({ from: privateSubnets, ports: [{ protocol: 'TCP', port: 8443 }] }) }),
    expected: [
      at('argocd/dev/apps/kyverno.yaml', 'kyverno admission-controller pods (platform-policy)', "needed flow the control plane's interfaces in the cluster subnets (10.0.16.0-10.0.47.255) → kyverno admission-controller pods (platform-policy) on TCP 9443 is denied by the ingress of the destination (needed because the API server calls its webhook or aggregated API)"),
    ],
  },
];

