/**
 * The result of `pnpm env-diff`: what changes where, per environment and artifact. The JSON output
 * is exactly this structure, so other tools can consume it without parsing Markdown.
 */

export type ChangeKind = 'added' | 'changed' | 'removed';
/** `danger`: likely data loss, downtime or a failing apply. `warning`: destructive but routine. */
export type Severity = 'danger' | 'warning';

export interface Risk {
  severity: Severity;
  /** Stable rule id, e.g. `terraform-replace`, for bots and labels. */
  rule: string;
  /** One sentence for humans (Markdown code spans allowed). */
  message: string;
}

/** One changed attribute or field, addressed by path (list items by `name` where they have one). */
export interface FieldChange {
  path: string;
  change: ChangeKind;
  /** Absent for added fields and for sensitive values. */
  before?: unknown;
  /** Absent for removed fields and for sensitive values. */
  after?: unknown;
  /** A secret: it changed, but neither value is ever shown. */
  sensitive?: true;
}

interface ItemBase {
  change: ChangeKind;
  /** Field-level changes; empty for added and removed items (their bodies are in the PR's files). */
  fields: FieldChange[];
  risks: Risk[];
  /** On a removed item: the added item of the same type that looks like the same thing renamed. */
  likelyRenamedTo?: string;
}

export interface TerraformItem extends ItemBase {
  stack: string;
  /** Terraform address: `aws_s3_bucket.logs`, `data.aws_iam_policy_document.x`, `output.vpc_id`, `provider.aws`, `terraform`. */
  address: string;
  /** Set when a `moved` block at head carries the resource over from this address (no destroy). */
  movedFrom?: string;
}

export interface KubernetesItem extends ItemBase {
  /** The Argo CD app (folder under generated/kubernetes/<env>/) the object belongs to. */
  app: string;
  apiVersion: string;
  kind: string;
  /** Empty for cluster-scoped objects and objects that rely on the app's default namespace. */
  namespace: string;
  name: string;
}

export interface ArgoCdItem extends ItemBase {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

/** An Atlantis project that will autoplan (or would, were autoplan enabled) because files it watches changed. */
export interface AtlantisProject {
  name: string;
  dir: string;
  workspace: string;
  /** False when the project's autoplan is disabled: someone must comment `atlantis plan -p <name>`. */
  autoplan: boolean;
  dependsOn: string[];
  /** Changed files that matched the project's `when_modified` patterns. */
  modifiedFiles: string[];
}

export interface ArtifactSection<T> {
  added: number;
  changed: number;
  removed: number;
  items: T[];
}

/** The monthly cost estimate (generators/cost) at base and head, in US dollars, and what moved it most. */
export interface CostChange {
  beforeUsd: number;
  afterUsd: number;
  deltaUsd: number;
  /** `+$212/mo`, `-$48/mo`, `±$0/mo` (whole dollars). */
  delta: string;
  /** The line items whose monthly figure changed most, largest change first (at most three). */
  contributors: { resource: string; component: string; deltaUsd: number; delta: string }[];
}

export interface EnvironmentDiff {
  terraform: ArtifactSection<TerraformItem>;
  kubernetes: ArtifactSection<KubernetesItem>;
  argocd: ArtifactSection<ArgoCdItem>;
  atlantisProjects: AtlantisProject[];
  /** Present when the environment's Terraform, Kubernetes or Argo CD output changed (nothing priced changes otherwise). */
  cost?: CostChange;
}

export type Artifact = 'terraform' | 'kubernetes' | 'argocd';

/** Every risk of the diff in one flat list (most severe first), for bots that label or gate PRs. */
export interface FlatRisk extends Risk {
  environment: string;
  artifact: Artifact;
  /** What the risk is about: `<stack> <address>`, `<app> <Kind> <ns>/<name>` or `<Kind> <name>`. */
  subject: string;
}

export interface RevisionInfo {
  /** What the user asked for (`main`, `origin/main`, `HEAD~1`) or `working tree`. */
  ref: string;
  /** The commit compared; null for the working tree. */
  commit: string | null;
}

export interface BaseInfo extends RevisionInfo {
  commit: string;
  /** The commit `ref` points at; differs from `commit` when the base branch moved on since the merge base. */
  tip: string;
  /** Commits on the base branch since the merge base. */
  behind: number;
}

export type StaleStatus =
  /** `pnpm synth --check` ran in process against the working tree and found nothing. */
  | 'fresh'
  /** Generated output does not match its sources (or the manifest does not match the tree). */
  | 'stale'
  /** A git revision: the manifest matches the tree, contents were not regenerated. */
  | 'consistent'
  /** Could not be checked here (see problems). */
  | 'unchecked';

export interface Staleness {
  status: StaleStatus;
  method: string;
  problems: string[];
}

/** A policy exception in force at head (see policies/): a named, dated excuse for a rule violation. */
export interface PolicyExceptionInForce {
  environment: string;
  rule: string;
  resource: string;
  reason: string;
  expires: string;
}

/** Pages of the generated catalog (generated/catalog/) that changed: counted, not diffed. */
export interface CatalogChanges {
  pages: string[];
  added: number;
  changed: number;
  removed: number;
}

export interface EnvDiff {
  base: BaseInfo;
  head: RevisionInfo;
  environments: Record<string, EnvironmentDiff>;
  /** Generated files outside the per-environment layouts (atlantis.yaml, CODEOWNERS, …) that changed; catalog pages are in `catalog`. */
  repository: { changedFiles: string[]; atlantisProjects: AtlantisProject[] };
  /** Present only when catalog pages changed. */
  catalog?: CatalogChanges;
  risks: FlatRisk[];
  /** Things a reviewer should know that are not about one resource (parse errors, base moved on). */
  warnings: string[];
  staleness: Staleness;
  /** Exceptions in force at head; present only when head is this repository's working tree (they live in TypeScript sources). */
  policyExceptions?: PolicyExceptionInForce[];
  durationMs: number;
}
