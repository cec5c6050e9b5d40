/**
 * Kubernetes minor versions Amazon EKS has released (in standard or extended support, or past them).
 * Sources: Amazon EKS user guide, "Understand the Kubernetes version lifecycle on EKS"
 * (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html, which names 1.36 as its latest
 * example) and endoflife.date/amazon-eks (1.35 released on EKS 2026-01-28, 1.34 on 2025-10-06);
 * checked in on 2026-11-30. A newer version is refused until it is added here. Whether a version is
 * still supported is the end-of-life check's business, not this table's.
 */
export const EKS_VERSIONS: readonly string[] = [
  '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36',
];
