/**
 * Which Kubernetes versions an add-on release supports, where its project publishes a matrix (the
 * chart's own `kubeVersion` is usually far wider than what is tested). Policy LIFE-003 holds every
 * environment's EKS version against the row of each pinned chart's release line. A chart without
 * rows is not checked; once it has rows, a release line without one is an error.
 */

export interface KubernetesCompatibility {
  chart: string;
  /** Release line of the chart, "major.minor" (Karpenter's and cert-manager's chart and app versions are equal). */
  line: string;
  /** Oldest and newest Kubernetes minor the release line supports. */
  minKubernetes: string;
  maxKubernetes: string;
  source: string;
  /** YYYY-MM-DD the source was read. */
  checked: string;
}

const KARPENTER_MATRIX = 'https://github.com/aws/karpenter-provider-aws/blob/v1.14.1/hack/docs/compatibilitymatrix_gen/compatibility.yaml';

const karpenter = (line: string, minKubernetes: string, maxKubernetes: string): KubernetesCompatibility => ({
  chart: 'karpenter',
  line,
  minKubernetes,
  maxKubernetes,
  source: KARPENTER_MATRIX,
  checked: '2026-11-30',
});

const certManager = (line: string, minKubernetes: string, maxKubernetes: string): KubernetesCompatibility => ({
  chart: 'cert-manager',
  line,
  minKubernetes,
  maxKubernetes,
  source: 'https://cert-manager.io/docs/releases/',
  checked: '2026-11-30',
});

/** Kyverno's chart line is its own (chart 3.9 = Kyverno 1.19); rows are by chart line. */
const kyverno = (line: string, minKubernetes: string, maxKubernetes: string): KubernetesCompatibility => ({
  chart: 'kyverno',
  line,
  minKubernetes,
  maxKubernetes,
  source: 'https://kyverno.io/docs/installation/#compatibility-matrix',
  checked: '2026-11-30',
});

/**
 * External Secrets lists, per minor, the Kubernetes versions its test suite runs on, and supports
 * only its newest minor (each ends when the next is released): 2.8 is the newest line tested on
 * 1.35 (2.9 is tested on 1.36 only).
 */
const externalSecrets = (line: string, minKubernetes: string, maxKubernetes: string): KubernetesCompatibility => ({
  chart: 'external-secrets',
  line,
  minKubernetes,
  maxKubernetes,
  source: 'https://github.com/external-secrets/external-secrets/blob/main/docs/introduction/stability-support.md',
  checked: '2026-11-30',
});

export const kubernetesCompatibility: readonly KubernetesCompatibility[] = [
  certManager('1.18', '1.29', '1.33'),
  certManager('1.19', '1.31', '1.35'),
  certManager('1.20', '1.32', '1.35'),
  certManager('1.21', '1.33', '1.36'),
  externalSecrets('0.17', '1.33', '1.33'),
  externalSecrets('2.7', '1.35', '1.35'),
  externalSecrets('2.8', '1.35', '1.36'),
  externalSecrets('2.9', '1.36', '1.36'),
  karpenter('1.5', '1.26', '1.33'),
  karpenter('1.8', '1.26', '1.34'),
  karpenter('1.12', '1.26', '1.35'),
  karpenter('1.13', '1.26', '1.36'),
  karpenter('1.14', '1.26', '1.36'),
  kyverno('3.6', '1.31', '1.34'), // Kyverno 1.16
  kyverno('3.7', '1.32', '1.35'), // Kyverno 1.17
  kyverno('3.8', '1.33', '1.35'), // Kyverno 1.18
  kyverno('3.9', '1.33', '1.35'), // Kyverno 1.19
];
