import type { Operations } from './operations.js';

/**
 * The typed environment model: one `Environment` object per file in this folder.
 * This type is the single source of truth; `schema.ts` is checked against it by the compiler
 * (ajv's `JSONSchemaType<Environment>`), so the two cannot drift apart.
 */

/**
 * What kind of environment it is; everything that used to branch on the names dev/prod follows from it.
 * - `development`: admission policies audit (report) instead of enforcing.
 * - `pre-production`: enforced like production, without production's protections.
 * - `production`: at least 3 zones, deletion protection, multi-AZ data stores, one NAT gateway per zone,
 *   on-demand system nodes, Atlantis plans only after approval, platform team in CODEOWNERS, no
 *   Let's Encrypt staging issuer.
 */
export const TIERS = ['development', 'pre-production', 'production'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * The namespaces every cluster gets (the Kubernetes baseline). platform-policy holds Kyverno alone:
 * Kyverno never checks its own namespace (so it can always restart itself), so nothing else may live there.
 */
export const PLATFORM_NAMESPACES = ['platform-system', 'platform-apps', 'platform-data', 'platform-monitoring', 'platform-policy'] as const;
export type PlatformNamespace = (typeof PLATFORM_NAMESPACES)[number];

/** Platform add-ons deployed from upstream Helm charts; their default chart versions live in `versions.ts`. */
export const ADDON_NAMES = [
  'alloy',
  'argo-cd',
  'atlantis',
  'aws-load-balancer-controller',
  'cert-manager',
  'external-dns',
  'external-secrets',
  'karpenter',
  'kube-prometheus-stack',
  'kyverno',
  'loki',
  'metrics-server',
  'opentelemetry-collector',
  'prometheus-adapter',
  'tempo',
  'velero',
] as const;
export type AddonName = (typeof ADDON_NAMES)[number];

export interface AwsAccount {
  /** 12-digit AWS account id the environment lives in. */
  accountId: string;
  /** AWS region, e.g. eu-west-1. */
  region: string;
  /** Explicit availability zones, in order; subnet lists follow this order. */
  availabilityZones: string[];
  /** Role Terraform assumes in the account (Atlantis runs with a role that may assume it). */
  terraformRoleName: string;
}

export interface Owners {
  /** GitHub team that owns the environment, e.g. @acme/platform. Used for CODEOWNERS. */
  team: string;
  /** Extra CODEOWNERS entries for this environment's generated output. */
  reviewers: string[];
  costCenter: string;
  /** Where budget and alert notifications go. */
  alertEmail: string;
}

export interface SubnetPlan {
  /** One CIDR per availability zone, in zone order. */
  public: string[];
  private: string[];
  database: string[];
}

export interface Network {
  vpcCidr: string;
  subnets: SubnetPlan;
  /** `single`: one NAT gateway for the VPC (cheap, dev); `one-per-az`: zone-independent egress. */
  natGateways: 'single' | 'one-per-az';
  flowLogRetentionDays: number;
}

export interface Taint {
  key: string;
  value: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodePool {
  /** system / apps / data. */
  name: string;
  instanceTypes: string[];
  capacityType: 'ON_DEMAND' | 'SPOT';
  architecture: 'x86_64' | 'arm64';
  minSize: number;
  desiredSize: number;
  maxSize: number;
  diskSizeGiB: number;
  labels: Record<string, string>;
  taints: Taint[];
}

export interface Eks {
  /** Kubernetes minor version, e.g. "1.35". */
  version: string;
  /** CIDRs allowed to reach the public API endpoint; empty keeps the endpoint private-only. */
  publicAccessCidrs: string[];
  controlPlaneLogRetentionDays: number;
  nodePools: NodePool[];
}

export interface Database {
  /** Aurora PostgreSQL engine version, e.g. "16.4". */
  engineVersion: string;
  instanceClass: string;
  /** Writer plus readers; more than one spreads across zones. */
  instances: number;
  backupRetentionDays: number;
  deletionProtection: boolean;
  performanceInsightsRetentionDays: number;
}

export interface Cache {
  /** ElastiCache Redis engine version, e.g. "7.1". */
  engineVersion: string;
  nodeType: string;
  /** Primary plus replicas. */
  nodes: number;
  multiAz: boolean;
  snapshotRetentionDays: number;
}

export interface Kafka {
  /** MSK Kafka version, e.g. "3.6.0". */
  version: string;
  brokerInstanceType: string;
  brokersPerAz: number;
  volumeSizeGiB: number;
}

export interface DataLakeBucket {
  /** Logical name (raw, curated, …); the bucket name comes from the naming contract. */
  name: string;
  /** Move objects to S3 Intelligent-Tiering after this many days. */
  intelligentTieringAfterDays: number;
  noncurrentVersionExpirationDays: number;
  /** Expire current objects after this many days; 0 keeps them forever. */
  expirationDays: number;
}

export interface DataLake {
  buckets: DataLakeBucket[];
}

export interface NamespaceBudget {
  requestsCpu: string;
  requestsMemory: string;
  limitsCpu: string;
  limitsMemory: string;
  pods: number;
}

export interface ReplicaBounds {
  min: number;
  max: number;
}

export interface Resources {
  cpuRequest: string;
  memoryRequest: string;
  cpuLimit: string;
  memoryLimit: string;
}

export interface RateLimit {
  requestsPerSecond: number;
  burst: number;
}

/** Per-environment tuning of a service; every field is optional and overrides the service's own value. */
export interface ServiceOverride {
  replicas?: ReplicaBounds;
  resources?: Resources;
  rateLimit?: RateLimit;
  config?: Record<string, string>;
}

export interface AlertThresholds {
  /** SLO: availability below this percentage alerts. */
  availabilityPercent: number;
  errorRatePercent: number;
  latencyP99Ms: number;
  cpuPercent: number;
  memoryPercent: number;
}

export interface Budget {
  monthlyUsd: number;
  /** Notify at these percentages of the monthly budget (actual spend). */
  notifyAtPercent: number[];
}

export interface PolicyException {
  /** Policy rule id, e.g. K8S-001. */
  rule: string;
  /** What it applies to: a Terraform address or Kubernetes kind/namespace/name. */
  resource: string;
  reason: string;
  /** ISO date (YYYY-MM-DD) after which the exception fails. */
  expires: string;
}

export interface Environment {
  /** Equals the file name (`environments/<name>.ts`); environments are discovered from their files. */
  name: string;
  tier: Tier;
  /**
   * The environment whose image tags and chart versions this one receives by promotion (`pnpm promote`),
   * or null for the first stage. Exactly one environment has null; no cycles (a tree rooted at the first stage).
   */
  promotesFrom: string | null;
  aws: AwsAccount;
  owners: Owners;
  /** Public DNS domain of the environment, e.g. dev.platform.example.com. */
  domain: string;
  network: Network;
  eks: Eks;
  database: Database;
  cache: Cache;
  kafka: Kafka;
  dataLake: DataLake;
  /** ResourceQuota per baseline namespace. */
  namespaces: Record<PlatformNamespace, NamespaceBudget>;
  /** Helm chart version per add-on (defaults from versions.ts; override to trial a version in one environment). */
  addons: Record<AddonName, string>;
  /** Whether this environment hosts the platform tooling (Atlantis): exactly one environment does. */
  hostsPlatformTooling: boolean;
  /** Per-service overrides keyed by service name. */
  services: Record<string, ServiceOverride>;
  alerts: AlertThresholds;
  budget: Budget;
  logRetentionDays: number;
  policyExceptions: PolicyException[];
  /** Audit, maintenance windows, alarm thresholds and alert routing (operations.ts). */
  operations: Operations;
  /** Who may use the cluster (EKS access entries). */
  access: HumanAccess;
  /** Rotation policy for every secret the platform creates. */
  secrets: SecretPolicy;
  /** Stated recovery objectives per component; TF-017 checks the configuration meets them. */
  recovery: Recovery;
}

/**
 * Human access to the cluster, as EKS access entries. Each ARN is an IAM role of this environment's
 * account, usually an IAM Identity Center permission-set role
 * (`arn:aws:iam::<account>:role/aws-reserved/sso.amazonaws.com/<region>/AWSReservedSSO_<set>_<id>`).
 * Never the Terraform role: only Atlantis assumes that (TF-016).
 */
export interface HumanAccess {
  /** The platform team: cluster admin (AmazonEKSClusterAdminPolicy). */
  adminRoleArns: string[];
  /** Read-only groups: AmazonEKSViewPolicy on the whole cluster (no Secrets). */
  readOnlyRoleArns: string[];
  /** Single sign-on of Argo CD and Grafana. */
  sso: SingleSignOn;
}

/**
 * The OIDC identity provider people log in to Argo CD and Grafana with. The clients' ids and
 * secrets are in Secrets Manager (`platform/<env>/argocd/oidc`, `platform/<env>/grafana/oidc`, JSON
 * keys client_id and client_secret, set out of band) and reach the pods through External Secrets.
 */
export interface SingleSignOn {
  /** OIDC issuer URL, e.g. https://acme.okta.com/oauth2/default. */
  issuerUrl: string;
  /** Value of the `groups` claim of the platform team: Argo CD admin, Grafana Admin. */
  platformGroup: string;
  /** Group with read-only access: Argo CD role:readonly, Grafana Viewer. */
  readOnlyGroup: string;
  /** A service team's group is this prefix followed by the team (its Argo CD project) name. */
  teamGroupPrefix: string;
}

export interface SecretPolicy {
  /** Longest time any secret may go unrotated, in days (90 in prod). TF-015 checks every secret against it. */
  rotationDays: number;
}

/** The components a disaster-recovery runbook covers, each with its own objectives. */
export const RECOVERY_COMPONENTS = ['kubernetes', 'database', 'data-lake', 'terraform-state'] as const;
export type RecoveryComponent = (typeof RECOVERY_COMPONENTS)[number];

export interface RecoveryObjective {
  /** Recovery point objective: the most data (time) the component may lose, in minutes. */
  rpoMinutes: number;
  /** Recovery time objective: how long the restore may take, in minutes (stated in the runbook; not provable offline). */
  rtoMinutes: number;
}

export interface Recovery {
  objectives: Record<RecoveryComponent, RecoveryObjective>;
  /**
   * The second region that holds copies (at most one; empty for none): the data-lake and Velero
   * buckets replicate there (S3 replication into replica buckets with their own KMS key) and AWS
   * Backup copies Aurora's daily backups into a vault there.
   */
  copyRegions: string[];
}
