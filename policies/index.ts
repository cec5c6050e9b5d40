/**
 * The policy registry: every rule, in id order. `pnpm synth` runs them in memory before writing,
 * `pnpm policies` on the committed files; the README's rule table is generated from this list.
 */
import { bringUp } from './bringup/bring-up.js';
import type { Rule } from './engine/types.js';
import { noDefaultProject } from './gitops/no-default-project.js';
import { noWildcardDestinations } from './gitops/no-wildcard-destinations.js';
import { noWildcardSourceRepos } from './gitops/no-wildcard-source-repos.js';
import { prodApplyApproval } from './gitops/prod-apply-approval.js';
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
];

export const gitopsRules: readonly Rule[] = [noDefaultProject, noWildcardDestinations, prodApplyApproval, noWildcardSourceRepos];

/** Issue 11: whether a fresh environment really comes up (policies/bringup/). */
export const bringupRules: readonly Rule[] = [bringUp];

export const rules: readonly Rule[] = [...kubernetesRules, ...terraformRules, ...gitopsRules, ...bringupRules];
