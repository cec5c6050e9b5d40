/**
 * The naming contract: every name that crosses tools (Terraform ↔ Kubernetes ↔ Argo CD ↔ Atlantis)
 * is computed here and nowhere else, so Kubernetes manifests never wait on a Terraform apply and a
 * rename shows up in one diff.
 */

import { platform } from '../environments/platform.js';

const P = platform.prefix;
const ecrRepository = (service: string) => `${P}/${service}`;
const alertTopic = (env: string) => `${P}-${env}-alerts`;
const clusterName = (env: string) => `${P}-${env}`;
const postgresCluster = (env: string) => `${P}-${env}-postgres`;

/** Terraform stacks in dependency order; each is its own state and its own Atlantis project. */
export const TERRAFORM_STACKS = [
  { name: 'network', dependsOn: [] },
  { name: 'cluster', dependsOn: ['network'] },
  { name: 'data', dependsOn: ['network', 'cluster'] },
  { name: 'services', dependsOn: ['cluster', 'data'] },
  { name: 'observability', dependsOn: ['network', 'cluster', 'data'] },
] as const satisfies readonly { name: string; dependsOn: readonly string[] }[];
export type StackName = (typeof TERRAFORM_STACKS)[number]['name'];

/**
 * Add-ons that call AWS APIs through IRSA: Terraform trusts exactly these service accounts, and the
 * Kubernetes add-on values annotate exactly these service accounts with the role ARN.
 */
export const AWS_IDENTITIES = {
  'aws-load-balancer-controller': { namespace: 'platform-system', serviceAccount: 'aws-load-balancer-controller' },
  'cert-manager': { namespace: 'platform-system', serviceAccount: 'cert-manager' },
  'ebs-csi': { namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa' },
  'external-dns': { namespace: 'platform-system', serviceAccount: 'external-dns' },
  'external-secrets': { namespace: 'platform-system', serviceAccount: 'external-secrets' },
  karpenter: { namespace: 'platform-system', serviceAccount: 'karpenter' },
  loki: { namespace: 'platform-monitoring', serviceAccount: 'loki' },
  tempo: { namespace: 'platform-monitoring', serviceAccount: 'tempo' },
  velero: { namespace: 'platform-system', serviceAccount: 'velero' },
  atlantis: { namespace: 'platform-system', serviceAccount: 'atlantis' },
  /** kube-prometheus-stack's Alertmanager publishes to the alert topic (sns:Publish on naming.alertTopic). */
  alertmanager: { namespace: 'platform-monitoring', serviceAccount: 'alertmanager' },
  /** The platform's Job that creates the declared Kafka topics (generators/kubernetes/kafka-topics/). */
  'kafka-topics': { namespace: 'platform-data', serviceAccount: 'kafka-topics' },
} as const;
export type AwsIdentity = keyof typeof AWS_IDENTITIES;

export const naming = {
  /** Prefix of every AWS resource name in an environment, e.g. platform-dev. */
  envPrefix: (env: string) => `${P}-${env}`,
  clusterName,
  /** `Name` tag of the environment's VPC; the AWS Load Balancer Controller finds the VPC by it. */
  vpcName: (env: string) => `${P}-${env}`,

  // Output layout
  terraformDir: (env: string, stack: StackName) => `generated/terraform/${env}/${stack}`,
  kubernetesDir: (env: string, app: string) => `generated/kubernetes/${env}/${app}`,
  argocdDir: (env: string) => `argocd/${env}`,

  // Terraform state
  stateBucket: (accountId: string) => `${P}-tfstate-${accountId}`,
  stateKey: (env: string, stack: StackName) => `${env}/${stack}/terraform.tfstate`,
  /** KMS key of the state bucket (one per account); the backend encrypts state objects with it. */
  stateKmsAlias: `alias/${P}-tfstate`,
  /** The once-per-account state bucket configuration: applied by hand with local state, not an Atlantis project. */
  bootstrapDir: (env: string) => `generated/terraform-bootstrap/${env}`,
  atlantisProject: (env: string, stack: StackName) => `${env}-${stack}`,

  // IAM
  roleArn: (accountId: string, roleName: string) => `arn:aws:iam::${accountId}:role/${roleName}`,
  /** IRSA role of a service or add-on service account. */
  irsaRoleName: (env: string, name: string) => `${P}-${env}-irsa-${name}`,
  /** Node role of the instances Karpenter launches (EC2NodeClass `role`). */
  karpenterNodeRole: (env: string) => `${P}-${env}-karpenter-node`,
  /**
   * Tag, valued with the cluster name, on what Karpenter may launch nodes into: the private subnets
   * (network stack) and the cluster security group (cluster stack). EC2NodeClasses select both by it.
   */
  karpenterDiscoveryTag: 'karpenter.sh/discovery',
  /** Customer-managed KMS key alias of an environment, e.g. alias/platform-dev-secrets. */
  kmsAlias: (env: string, purpose: string) => `alias/${P}-${env}-${purpose}`,

  // Data plane
  /** Globally unique: includes the account id. */
  dataLakeBucket: (env: string, bucket: string, accountId: string) => `${P}-${env}-${bucket}-${accountId}`,
  ecrRepository,
  /** Full image reference of a service, from its environment's private ECR registry. */
  serviceImage: (accountId: string, region: string, service: string, tag: string) =>
    `${accountId}.dkr.ecr.${region}.amazonaws.com/${ecrRepository(service)}:${tag}`,
  /** Every Secrets Manager secret of an environment is named under this prefix (External Secrets may read them all). */
  secretPrefix: (env: string) => `${P}/${env}/`,
  /** Secrets Manager secret of a service, e.g. platform/dev/api-gateway/api-keys. */
  serviceSecret: (env: string, service: string, secret: string) => `${P}/${env}/${service}/${secret}`,
  /** Services reach PostgreSQL with IAM database authentication (no password): this is their database user. */
  databaseUser: (service: string) => service.replace(/-/g, '_'),
  databaseName: 'platform',
  /** Redis AUTH token, in Secrets Manager; pods get it through an ExternalSecret. */
  cacheAuthSecret: (env: string) => `${P}/${env}/redis/auth-token`,
  /** AWS endpoint name of a data store (the name its TLS certificate carries), written by Terraform after apply. */
  endpointSecret: (env: string, store: 'postgres' | 'postgres-reader' | 'redis') => `${P}/${env}/${store}/endpoint`,
  /** MSK bootstrap brokers (IAM auth, TLS), written by Terraform, read by pods through an ExternalSecret. */
  kafkaBootstrapSecret: (env: string) => `${P}/${env}/kafka/bootstrap-brokers`,
  /** MSK cluster name; topic and group ARNs of IAM policies embed it. */
  kafkaCluster: (env: string) => `${P}-${env}`,
  /** Kafka consumer group a service consumes with (`group.id`); its IAM policy allows exactly this group. */
  kafkaConsumerGroup: (service: string) => service,
  /** Aurora cluster identifier. */
  postgresCluster,
  /** Aurora instance identifiers: the cluster identifier and the instance's 1-based number. */
  postgresInstance: (env: string, n: number) => `${postgresCluster(env)}-${n}`,
  /** Snapshot Aurora takes when a protected cluster is deleted. */
  postgresFinalSnapshot: (env: string) => `${postgresCluster(env)}-final`,
  /** ElastiCache replication group id (at most 40 characters). */
  redisReplicationGroup: (env: string) => `${P}-${env}-redis`,
  /** Private hosted zone of the environment and the stable DNS names of the data endpoints (aliases for people: TLS clients use endpointSecret). */
  privateZone: (env: string) => `${env}.${P}.internal`,
  postgresHost: (env: string) => `postgres.${env}.${P}.internal`,
  postgresReaderHost: (env: string) => `postgres-ro.${env}.${P}.internal`,
  redisHost: (env: string) => `redis.${env}.${P}.internal`,
  alertTopic,
  alertTopicArn: (env: string, region: string, accountId: string) => `arn:aws:sns:${region}:${accountId}:${alertTopic(env)}`,
  /** Every log group the platform names lives under this prefix (the AWS-fixed names below are the only others). */
  logGroupPrefix: (env: string) => `/${P}/${env}`,
  logGroup: (env: string, name: string) => `/${P}/${env}/${name}`,
  /** Log groups whose names AWS fixes (outside logGroupPrefix); Terraform pre-creates them for retention and encryption. */
  eksControlPlaneLogGroup: (env: string) => `/aws/eks/${clusterName(env)}/cluster`,
  postgresLogGroup: (env: string) => `/aws/rds/cluster/${postgresCluster(env)}/postgresql`,
  veleroBucket: (env: string, accountId: string) => `${P}-${env}-velero-${accountId}`,
  /** The copy of a bucket in the environment's copy region (recovery.copyRegions); S3 replication keeps it current. */
  replicaBucket: (bucket: string) => `${bucket}-replica`,
  /** AWS Backup vaults of Aurora's backups: in the environment's region and its copy in the copy region. */
  auroraBackupVault: (env: string, copy: boolean) => `${P}-${env}-aurora${copy ? '-copies' : ''}`,
  /** Object storage of Loki (chunks, ruler, admin) and Tempo (traces); their IRSA roles may use only these. */
  lokiBucket: (env: string, accountId: string) => `${P}-${env}-loki-${accountId}`,
  tempoBucket: (env: string, accountId: string) => `${P}-${env}-tempo-${accountId}`,
  /** SQS queue of EC2 interruption events Karpenter drains nodes on (created by Terraform). */
  karpenterInterruptionQueue: (env: string) => `${P}-${env}-karpenter`,
  /** Public host name of the API gateway; its TLS certificate (ACM) and DNS record are for this name. */
  apiHost: (domain: string) => `api.${domain}`,
  /** Public host name of Atlantis (where the environment hosts the platform tooling); ACM certificate and DNS record as for the API. */
  atlantisHost: (domain: string) => `atlantis.${domain}`,
  /** Every public Ingress host of an environment: each gets an ACM certificate (Terraform) and a DNS record (external-dns). */
  publicHosts: (domain: string, hostsPlatformTooling: boolean) => [naming.apiHost(domain), ...(hostsPlatformTooling ? [naming.atlantisHost(domain)] : [])],
  /** Ports of the data endpoints: Aurora PostgreSQL, ElastiCache Redis (TLS), MSK brokers with IAM auth (TLS). */
  dataPorts: { postgres: 5432, redis: 6379, kafka: 9098 },
  /** MSK open monitoring: Prometheus JMX exporter and node exporter on every broker. */
  kafkaExporterPorts: { jmx: 11001, node: 11002 },

  // Kubernetes
  namespaces: {
    system: 'platform-system',
    apps: 'platform-apps',
    data: 'platform-data',
    monitoring: 'platform-monitoring',
    policy: 'platform-policy',
  },
  argocdNamespace: 'argocd',
  /** Every service runs in platform-apps under a service account named after it. */
  serviceAccount: (service: string) => ({ namespace: 'platform-apps', serviceAccount: service }),
  clusterSecretStore: 'aws-secrets-manager',
  /** cert-manager ClusterIssuers (ACME DNS-01 in the environment's public zone); Certificates and Ingresses name them. */
  clusterIssuers: { letsEncrypt: 'letsencrypt', letsEncryptStaging: 'letsencrypt-staging' },

  // Argo CD (one instance per environment cluster, deploying into its own cluster)
  argocdRootFile: (env: string) => `argocd/${env}/root.yaml`,
  argocdProjectFile: (env: string, project: string) => `argocd/${env}/projects/${project}.yaml`,
  argocdApplicationFile: (env: string, app: string) => `argocd/${env}/apps/${app}.yaml`,
  /** Helm values the hand-run Argo CD install uses; the same values its own Application syncs. */
  argocdBootstrapValuesFile: (env: string) => `argocd/${env}/bootstrap/argo-cd-values.yaml`,
  argocdRootApp: 'root',
  /** AppProject of the root Application only: it may create Applications and AppProjects, nothing else. */
  argocdRootProject: 'root',
  /** AppProject of every platform-owned app and add-on; service teams get one AppProject each, named after the team. */
  argocdPlatformProject: 'platform',
  inClusterServer: 'https://kubernetes.default.svc',

  // GitHub and Atlantis
  /** A GitHub team handle from a team slug, e.g. ingest → @acme/ingest. */
  githubTeam: (slug: string) => `@${platform.githubRepository.split('/')[0]}/${slug}`,
  /** GitHub machine user Atlantis comments as. */
  atlantisGithubUser: `${platform.githubRepository.split('/')[0]}-atlantis`,
  // Operations: audit and alert routing
  /** The account's CloudTrail trail (one per account, created by the environment that owns the account's audit). */
  auditTrail: (env: string) => `${P}-${env}-audit`,
  auditTrailArn: (env: string, region: string, accountId: string) => `arn:aws:cloudtrail:${region}:${accountId}:trail/${P}-${env}-audit`,
  /** Bucket of the trail's log files. */
  auditBucket: (env: string, accountId: string) => `${P}-${env}-audit-${accountId}`,
  /** CloudWatch Logs copy of the trail. */
  auditLogGroup: (env: string) => `/${P}/${env}/cloudtrail`,
  /** EventBridge rule sending GuardDuty findings to the alert topic. */
  guardDutyFindingsRule: (env: string) => `${P}-${env}-guardduty-findings`,
  /** Secrets Manager secret of an Alertmanager receiver's credential (Slack/webhook URL, PagerDuty routing key), set out of band. */
  alertReceiverSecret: (env: string, receiver: string) => `${P}/${env}/alerting/${receiver}`,
  /** Kubernetes Secret (platform-monitoring) External Secrets writes the receivers' credentials to; Alertmanager mounts it. */
  alertReceiversSecret: 'alertmanager-receivers',
  /** Kubernetes Secret holding Prometheus's scrape job for the MSK brokers (rendered by External Secrets from the bootstrap brokers). */
  kafkaScrapeSecret: 'prometheus-msk-scrape',

  /** Secrets Manager secret holding Atlantis's GitHub token and webhook secret (set out of band). */
  atlantisGithubSecret: (env: string) => `${P}/${env}/atlantis/github`,
  /** OIDC client (JSON keys client_id, client_secret; set out of band) of a tool people log in to. */
  ssoClientSecret: (env: string, tool: 'argocd' | 'grafana') => `${P}/${env}/${tool}/oidc`,
  /** Kubernetes Secrets External Secrets writes those clients into (Argo CD's needs the argocd part-of label). */
  ssoKubernetesSecret: { argocd: 'argocd-oidc', grafana: 'grafana-oidc' },
  /** Kubernetes Secret the Atlantis chart reads its GitHub credentials from (written by External Secrets). */
  atlantisVcsSecret: 'atlantis-vcs',
} as const;
