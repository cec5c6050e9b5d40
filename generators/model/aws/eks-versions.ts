/**
 * Kubernetes minor versions Amazon EKS has released (standard or extended support, or past them).
 * Source: Amazon EKS user guide, "Kubernetes version lifecycle on EKS" (release calendar), compiled
 * 2025-11 and checked in on 2026-11-30. A newer version is refused until it is added here; whether a
 * version is still supported is the end-of-life check's business, not this table's.
 */
export const EKS_VERSIONS: readonly string[] = [
  '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34',
];
