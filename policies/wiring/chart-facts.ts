/**
 * What upstream charts render that the wiring contracts need, and where our values change it: the
 * Ingress hosts and Service types of the charts that expose one, and the DaemonSets that must run
 * on every node with the values path of their tolerations. Defaults are read from each chart's
 * values.yaml at the pinned major version (source named per entry). A chart that is not listed is
 * invisible to WIRE-001/002/003/008: add it here when an add-on starts exposing one of these.
 */
import { at, type Dict } from '../engine/values.js';

export interface ChartIngress {
  chart: string;
  /** Values path of the switch, and its chart default. */
  enabled: { path: string[]; default: boolean };
  /** Values paths that hold host names (a string or a list of strings / of `{host}` objects). */
  hostPaths: string[][];
  annotationsPath: string[];
  classPath: string[];
}

/** Charts whose Ingress the platform enables through values. */
export const CHART_INGRESSES: readonly ChartIngress[] = [
  // runatlantis/helm-charts charts/atlantis/values.yaml: ingress.enabled true, ingress.host, ingress.hosts[].host.
  { chart: 'atlantis', enabled: { path: ['ingress', 'enabled'], default: true }, hostPaths: [['ingress', 'host'], ['ingress', 'hosts']], annotationsPath: ['ingress', 'annotations'], classPath: ['ingress', 'ingressClassName'] },
  // argoproj/argo-helm charts/argo-cd/values.yaml: server.ingress.enabled false, server.ingress.hostname.
  { chart: 'argo-cd', enabled: { path: ['server', 'ingress', 'enabled'], default: false }, hostPaths: [['server', 'ingress', 'hostname']], annotationsPath: ['server', 'ingress', 'annotations'], classPath: ['server', 'ingress', 'ingressClassName'] },
  // prometheus-community kube-prometheus-stack: grafana.ingress.enabled false, grafana.ingress.hosts.
  { chart: 'kube-prometheus-stack', enabled: { path: ['grafana', 'ingress', 'enabled'], default: false }, hostPaths: [['grafana', 'ingress', 'hosts']], annotationsPath: ['grafana', 'ingress', 'annotations'], classPath: ['grafana', 'ingress', 'ingressClassName'] },
];

export interface ChartService {
  chart: string;
  /** The Service's name as the chart renders it (release name for these charts). */
  service: string;
  typePath: string[];
  defaultType: string;
}

/** Charts whose Service type is a value; every other chart Service the platform installs is ClusterIP. */
export const CHART_SERVICES: readonly ChartService[] = [
  // charts/atlantis/values.yaml: service.type NodePort.
  { chart: 'atlantis', service: 'atlantis', typePath: ['service', 'type'], defaultType: 'NodePort' },
  // charts/argo-cd/values.yaml: server.service.type ClusterIP.
  { chart: 'argo-cd', service: 'argocd-server', typePath: ['server', 'service', 'type'], defaultType: 'ClusterIP' },
  // kube-prometheus-stack: grafana.service.type ClusterIP.
  { chart: 'kube-prometheus-stack', service: 'grafana', typePath: ['grafana', 'service', 'type'], defaultType: 'ClusterIP' },
];

export type Toleration = Dict;

export interface ChartDaemonSet {
  chart: string;
  daemonSet: string;
  /** Whether our values make the chart render it. */
  rendered: (values: Dict) => boolean;
  tolerationsPath: string[];
  defaultTolerations: Toleration[];
}

/** Chart DaemonSets that must run on every node (node metrics, log and telemetry agents, backup node agents). */
export const CHART_DAEMONSETS: readonly ChartDaemonSet[] = [
  // kube-prometheus-stack → prometheus-node-exporter values.yaml: tolerations [{effect: NoSchedule, operator: Exists}].
  {
    chart: 'kube-prometheus-stack',
    daemonSet: 'prometheus-node-exporter',
    rendered: (v) => at(v, 'nodeExporter', 'enabled') !== false,
    tolerationsPath: ['prometheus-node-exporter', 'tolerations'],
    defaultTolerations: [{ effect: 'NoSchedule', operator: 'Exists' }],
  },
  // grafana/helm-charts charts/promtail/values.yaml 6.x: daemonset.enabled true; tolerations: control-plane and master only.
  {
    chart: 'promtail',
    daemonSet: 'promtail',
    rendered: (v) => at(v, 'daemonset', 'enabled') !== false,
    tolerationsPath: ['tolerations'],
    defaultTolerations: [
      { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
    ],
  },
  // grafana/alloy charts/alloy: controller.type daemonset; controller.tolerations [].
  { chart: 'alloy', daemonSet: 'alloy', rendered: (v) => (at(v, 'controller', 'type') ?? 'daemonset') === 'daemonset', tolerationsPath: ['controller', 'tolerations'], defaultTolerations: [] },
  // fluent/helm-charts charts/fluent-bit: kind DaemonSet; tolerations [].
  { chart: 'fluent-bit', daemonSet: 'fluent-bit', rendered: (v) => (at(v, 'kind') ?? 'DaemonSet') === 'DaemonSet', tolerationsPath: ['tolerations'], defaultTolerations: [] },
  // vectordotdev/helm-charts charts/vector: role Aggregator (a StatefulSet) unless Agent; tolerations [].
  { chart: 'vector', daemonSet: 'vector', rendered: (v) => at(v, 'role') === 'Agent', tolerationsPath: ['tolerations'], defaultTolerations: [] },
  // open-telemetry charts/opentelemetry-collector: mode is required; tolerations [].
  { chart: 'opentelemetry-collector', daemonSet: 'opentelemetry-collector-agent', rendered: (v) => at(v, 'mode') === 'daemonset', tolerationsPath: ['tolerations'], defaultTolerations: [] },
  // vmware-tanzu/helm-charts charts/velero: deployNodeAgent false; nodeAgent.tolerations [].
  { chart: 'velero', daemonSet: 'node-agent', rendered: (v) => at(v, 'deployNodeAgent') === true, tolerationsPath: ['nodeAgent', 'tolerations'], defaultTolerations: [] },
];

export interface AddonDaemonSet {
  /** aws_eks_addon addon_name. */
  addon: string;
  daemonSet: string;
  /** Tolerations as the add-on's configuration_values set them, else its default. */
  tolerations: (configuration: Dict) => Toleration[];
}

const EXISTS_ALL: Toleration[] = [{ operator: 'Exists' }];

/** DaemonSets of EKS managed add-ons (Terraform `aws_eks_addon`). */
export const ADDON_DAEMONSETS: readonly AddonDaemonSet[] = [
  // amazon-vpc-cni-k8s charts/aws-vpc-cni values.yaml: tolerations [{operator: Exists}].
  { addon: 'vpc-cni', daemonSet: 'aws-node', tolerations: (c) => (Array.isArray(c.tolerations) ? (c.tolerations as Toleration[]) : EXISTS_ALL) },
  // EKS kube-proxy DaemonSet: tolerations [{operator: Exists}].
  { addon: 'kube-proxy', daemonSet: 'kube-proxy', tolerations: () => EXISTS_ALL },
  // aws-ebs-csi-driver chart: node.tolerateAllTaints (default changed between versions: treated as false
  // unless set), else node.tolerations (default: NoExecute, Exists, 300 s).
  {
    addon: 'aws-ebs-csi-driver',
    daemonSet: 'ebs-csi-node',
    tolerations: (c) =>
      at(c, 'node', 'tolerateAllTaints') === true
        ? EXISTS_ALL
        : Array.isArray(at(c, 'node', 'tolerations'))
          ? (at(c, 'node', 'tolerations') as Toleration[])
          : [{ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
  },
];
