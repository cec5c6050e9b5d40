/**
 * Every pinned version in the platform, in one place Renovate can update (see renovate.json's
 * regex managers: each pin carries a `renovate:` comment naming its datasource and package).
 * Environments take their add-on chart versions from `chartVersions` and may override one to
 * trial an upgrade in dev first.
 */
import type { AddonName } from './types.js';

export interface HelmChart {
  /** Helm repository URL (or an OCI registry prefix). */
  repoURL: string;
  chart: string;
}

/** Where each add-on's chart comes from. */
export const charts: Record<AddonName, HelmChart> = {
  alloy: { repoURL: 'https://grafana.github.io/helm-charts', chart: 'alloy' },
  'argo-cd': { repoURL: 'https://argoproj.github.io/argo-helm', chart: 'argo-cd' },
  atlantis: { repoURL: 'https://runatlantis.github.io/helm-charts', chart: 'atlantis' },
  'aws-load-balancer-controller': { repoURL: 'https://aws.github.io/eks-charts', chart: 'aws-load-balancer-controller' },
  'cert-manager': { repoURL: 'https://charts.jetstack.io', chart: 'cert-manager' },
  'external-dns': { repoURL: 'https://kubernetes-sigs.github.io/external-dns', chart: 'external-dns' },
  'external-secrets': { repoURL: 'https://charts.external-secrets.io', chart: 'external-secrets' },
  karpenter: { repoURL: 'public.ecr.aws/karpenter', chart: 'karpenter' },
  'kube-prometheus-stack': { repoURL: 'https://prometheus-community.github.io/helm-charts', chart: 'kube-prometheus-stack' },
  kyverno: { repoURL: 'https://kyverno.github.io/kyverno', chart: 'kyverno' },
  loki: { repoURL: 'https://grafana.github.io/helm-charts', chart: 'loki' },
  'metrics-server': { repoURL: 'https://kubernetes-sigs.github.io/metrics-server', chart: 'metrics-server' },
  'opentelemetry-collector': { repoURL: 'https://open-telemetry.github.io/opentelemetry-helm-charts', chart: 'opentelemetry-collector' },
  'prometheus-adapter': { repoURL: 'https://prometheus-community.github.io/helm-charts', chart: 'prometheus-adapter' },
  tempo: { repoURL: 'https://grafana.github.io/helm-charts', chart: 'tempo' },
  velero: { repoURL: 'https://vmware-tanzu.github.io/helm-charts', chart: 'velero' },
};

/** Default chart version per add-on. */
export const chartVersions: Record<AddonName, string> = {
  alloy: '1.11.1', // renovate: datasource=helm registryUrl=https://grafana.github.io/helm-charts depName=alloy
  'argo-cd': '8.0.17', // renovate: datasource=helm registryUrl=https://argoproj.github.io/argo-helm depName=argo-cd
  atlantis: '5.17.2', // renovate: datasource=helm registryUrl=https://runatlantis.github.io/helm-charts depName=atlantis
  'aws-load-balancer-controller': '1.13.2', // renovate: datasource=helm registryUrl=https://aws.github.io/eks-charts depName=aws-load-balancer-controller
  'cert-manager': 'v1.21.2', // renovate: datasource=helm registryUrl=https://charts.jetstack.io depName=cert-manager
  'external-dns': '1.16.1', // renovate: datasource=helm registryUrl=https://kubernetes-sigs.github.io/external-dns depName=external-dns
  'external-secrets': '2.8.0', // renovate: datasource=helm registryUrl=https://charts.external-secrets.io depName=external-secrets
  karpenter: '1.14.1', // renovate: datasource=docker registryUrl=https://public.ecr.aws depName=karpenter/karpenter
  'kube-prometheus-stack': '72.6.2', // renovate: datasource=helm registryUrl=https://prometheus-community.github.io/helm-charts depName=kube-prometheus-stack
  kyverno: '3.9.0', // renovate: datasource=helm registryUrl=https://kyverno.github.io/kyverno depName=kyverno
  loki: '6.30.1', // renovate: datasource=helm registryUrl=https://grafana.github.io/helm-charts depName=loki
  'metrics-server': '3.12.2', // renovate: datasource=helm registryUrl=https://kubernetes-sigs.github.io/metrics-server depName=metrics-server
  'opentelemetry-collector': '0.126.0', // renovate: datasource=helm registryUrl=https://open-telemetry.github.io/opentelemetry-helm-charts depName=opentelemetry-collector
  'prometheus-adapter': '4.14.1', // renovate: datasource=helm registryUrl=https://prometheus-community.github.io/helm-charts depName=prometheus-adapter
  tempo: '1.21.1', // renovate: datasource=helm registryUrl=https://grafana.github.io/helm-charts depName=tempo
  velero: '10.0.4', // renovate: datasource=helm registryUrl=https://vmware-tanzu.github.io/helm-charts depName=velero
};

/** Container images the generated configuration names itself (every other image comes with its chart). */
export const imageRepositories = {
  /** Velero's AWS object-store and snapshot plugin, an init container of the Velero server. */
  veleroPluginForAws: 'velero/velero-plugin-for-aws',
} as const;

export const imageTags: Record<keyof typeof imageRepositories, string> = {
  veleroPluginForAws: 'v1.12.0', // renovate: datasource=docker depName=velero/velero-plugin-for-aws
};

/**
 * Amazon EKS optimized AMI release of the nodes Karpenter launches (EC2NodeClass alias
 * `al2023@<release>`). Pinned, because `latest` would replace every Karpenter node whenever AWS
 * publishes an AMI; a bump rolls the nodes within the NodePools' disruption budgets.
 */
export const nodeImages = {
  al2023: 'v20260930', // renovate: datasource=github-releases depName=awslabs/amazon-eks-ami
} as const;

/** Tool versions the generated configuration pins. */
export const tools = {
  /**
   * Node.js major release CI runs on (.github/workflows/ci.yml reads .node-version, which must say
   * the same; tests/node-version.test.ts checks both). An active LTS line, never "latest".
   */
  node: '24', // renovate: datasource=node-version depName=node versioning=node
  terraform: '1.11.4', // renovate: datasource=github-releases depName=hashicorp/terraform extractVersion=^v(?<version>.+)$
  awsProvider: '5.100.0', // pinned by @cdktf/provider-aws 20.1.0; bump together with that package
} as const;

/**
 * The platform's Kafka admin image, which creates the declared topics (generators/kubernetes/kafka-topics/):
 * the Apache Kafka command-line tools plus the aws-msk-iam-auth jar (MSK IAM authentication), built
 * from images/kafka-admin/Dockerfile into each account's ECR repository `platform/kafka-admin`
 * (created by the services stack). The tag is `<Kafka version>-iam<aws-msk-iam-auth version>`;
 * bump it together with the Dockerfile's two ARGs.
 */
export const kafkaAdminImage = { repository: 'kafka-admin', tag: '3.9.1-iam2.3.2' } as const;
