/**
 * The policy registry: every rule, in id order. `pnpm synth` runs them in memory before writing,
 * `pnpm policies` on the committed files; the README's rule table is generated from this list.
 */
import { accountTrail } from './audit/cloudtrail.js';
import { guardDutyFindings } from './audit/guardduty.js';
import { bringUp } from './bringup/bring-up.js';
import { overBudget } from './cost/over-budget.js';
import { chartRecordsCurrent } from './admission/chart-records-current.js';
import { workloadsAdmitted } from './admission/workloads-admitted.js';
import type { Rule } from './engine/types.js';
import { noDefaultProject } from './gitops/no-default-project.js';
import { noWildcardDestinations } from './gitops/no-wildcard-destinations.js';
import { noWildcardSourceRepos } from './gitops/no-wildcard-source-repos.js';
import { prodApplyApproval } from './gitops/prod-apply-approval.js';
import { endOfLife } from './lifecycle/end-of-life.js';
import { endOfLifeSoon } from './lifecycle/end-of-life-soon.js';
import { kubernetesCompatibilityCheck } from './lifecycle/kubernetes-compatibility.js';
import { defaultDenyNetworkPolicy } from './kubernetes/default-deny-network-policy.js';
import { disruptionBudget } from './kubernetes/disruption-budget.js';
import { dropAllCapabilities } from './kubernetes/drop-all-capabilities.js';
import { noHostAccess } from './kubernetes/no-host-access.js';
import { noPrivilegeEscalation } from './kubernetes/no-privilege-escalation.js';
import { noSecretData } from './kubernetes/no-secret-data.js';
import { pinnedImages } from './kubernetes/pinned-images.js';
import { probes } from './kubernetes/probes.js';
import { readOnlyRootFilesystem } from './kubernetes/read-only-root-filesystem.js';
import { resources } from './kubernetes/resources.js';
import type { KubernetesRule } from './kubernetes/rule.js';
import { runAsNonRoot } from './kubernetes/run-as-non-root.js';
import { awsNames } from './terraform/aws-names.js';
import { encryptionAtRest } from './terraform/encryption-at-rest.js';
import { encryptionInTransit } from './terraform/encryption-in-transit.js';
import { flowLogs } from './terraform/flow-logs.js';
import { kmsKeyRotation } from './terraform/kms-key-rotation.js';
import { noAdminIam } from './terraform/no-admin-iam.js';
import { noOpenIngress } from './terraform/no-open-ingress.js';
import { noPublicDatabase } from './terraform/no-public-database.js';
import { prodBackupRetention } from './terraform/prod-backup-retention.js';
import { prodDeletionProtection } from './terraform/prod-deletion-protection.js';
import { prodMultiAz } from './terraform/prod-multi-az.js';
import { requiredTags } from './terraform/required-tags.js';
import { s3PublicAccessBlock } from './terraform/s3-public-access-block.js';
import { recoveryObjectives } from './terraform/recovery-objectives.js';
import { secretRotation } from './terraform/secret-rotation.js';
import { terraformRoleUnusedByHumans } from './terraform/terraform-role-unused-by-humans.js';
import { trafficReachability } from './traffic/reachability.js';
import { daemonSetTolerations } from './wiring/daemonset-tolerations.js';
import { ingressCertificate } from './wiring/ingress-certificate.js';
import { ingressDns } from './wiring/ingress-dns.js';
import { queriedSeries } from './wiring/queried-series.js';
import { serviceMonitorPort } from './wiring/service-monitor-port.js';
import { serviceTypeQuota } from './wiring/service-type-quota.js';
import { tlsServerName } from './wiring/tls-server-name.js';
import { topicPartitions } from './wiring/topic-partitions.js';
import { topicsCreated } from './wiring/topics-created.js';

/** Checked at synth time and, through Kyverno, at admission time. */
export const kubernetesRules: readonly KubernetesRule[] = [
  runAsNonRoot,
  noPrivilegeEscalation,
  readOnlyRootFilesystem,
  dropAllCapabilities,
  resources,
  probes,
  pinnedImages,
  noHostAccess,
  disruptionBudget,
  defaultDenyNetworkPolicy,
  noSecretData,
];

export const terraformRules: readonly Rule[] = [
  encryptionAtRest,
  encryptionInTransit,
  s3PublicAccessBlock,
  noPublicDatabase,
  noOpenIngress,
  noAdminIam,
  kmsKeyRotation,
  flowLogs,
  prodDeletionProtection,
  prodMultiAz,
  prodBackupRetention,
  requiredTags,
  awsNames,
  accountTrail,
  guardDutyFindings,
  secretRotation,
  terraformRoleUnusedByHumans,
  recoveryObjectives,
];

export const gitopsRules: readonly Rule[] = [noDefaultProject, noWildcardDestinations, prodApplyApproval, noWildcardSourceRepos];

/** Checked at synth time only: they reason over the whole environment (policies, Terraform), not one object. */
export const trafficRules: readonly Rule[] = [trafficReachability];

/** Issue 11: whether a fresh environment really comes up (policies/bringup/). */
export const bringupRules: readonly Rule[] = [bringUp];

/** Pinned versions against the support table on the synth date (environments/support.ts) and add-ons' Kubernetes ranges. */
export const lifecycleRules: readonly Rule[] = [endOfLife, endOfLifeSoon, kubernetesCompatibilityCheck];

/** Admission of what Argo CD applies, upstream charts included (issue 11 item 3). */
export const admissionRules: readonly Rule[] = [chartRecordsCurrent, workloadsAdmitted];

/** Issue 11 item 4: names, ports, series, partitions and taints that must agree across tools (policies/wiring/). */
export const wiringRules: readonly Rule[] = [
  ingressCertificate,
  ingressDns,
  serviceTypeQuota,
  tlsServerName,
  serviceMonitorPort,
  queriedSeries,
  topicPartitions,
  daemonSetTolerations,
  topicsCreated,
];

/**
 * The checks that prove a fresh environment comes up and works (issue 11): bring-up, traffic,
 * admission, wiring and end of support. `pnpm bench` holds their cost to 30% of synth.
 */
export const platformReadinessRules: readonly Rule[] = [...trafficRules, ...admissionRules, ...bringupRules, ...wiringRules, ...lifecycleRules];

/** Issue 14: the cost estimate (generators/cost) against the environment's budget. */
export const costRules: readonly Rule[] = [overBudget];

export const rules: readonly Rule[] = [
  ...kubernetesRules,
  ...trafficRules,
  ...terraformRules,
  ...gitopsRules,
  ...admissionRules,
  ...bringupRules,
  ...wiringRules,
  ...lifecycleRules,
  ...costRules,
];
