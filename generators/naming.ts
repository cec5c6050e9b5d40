/**
 * The naming contract: every name that crosses tools (Terraform ↔ Kubernetes ↔ Argo CD ↔ Atlantis)
 * is computed here and nowhere else, so Kubernetes manifests never wait on a Terraform apply and a
 * rename shows up in one diff.
 */
import type { EnvName } from '../environments/types.js';
import { platform } from '../environments/platform.js';

const P = platform.prefix;

/** Terraform stacks in dependency order; each is its own state and its own Atlantis project. */
export const TERRAFORM_STACKS = [
  { name: 'network', dependsOn: [] },
  { name: 'cluster', dependsOn: ['network'] },
  { name: 'data', dependsOn: ['network', 'cluster'] },
  { name: 'services', dependsOn: ['cluster', 'data'] },
  { name: 'observability', dependsOn: ['data'] },
] as const satisfies readonly { name: string; dependsOn: readonly string[] }[];
export type StackName = (typeof TERRAFORM_STACKS)[number]['name'];

export const naming = {
  /** Prefix of every AWS resource name in an environment, e.g. platform-dev. */
  envPrefix: (env: EnvName) => `${P}-${env}`,
  clusterName: (env: EnvName) => `${P}-${env}`,

  // Output layout
  terraformDir: (env: EnvName, stack: StackName) => `generated/terraform/${env}/${stack}`,
  kubernetesDir: (env: EnvName, app: string) => `generated/kubernetes/${env}/${app}`,
  argocdDir: (env: EnvName) => `argocd/${env}`,

  // Terraform state
  stateBucket: (accountId: string) => `${P}-tfstate-${accountId}`,
  stateKey: (env: EnvName, stack: StackName) => `${env}/${stack}/terraform.tfstate`,
  atlantisProject: (env: EnvName, stack: StackName) => `${env}-${stack}`,

  // IAM
  roleArn: (accountId: string, roleName: string) => `arn:aws:iam::${accountId}:role/${roleName}`,
  /** IRSA role of a service or add-on service account. */
  irsaRoleName: (env: EnvName, name: string) => `${P}-${env}-irsa-${name}`,

  // Data plane
  /** Globally unique: includes the account id. */
  dataLakeBucket: (env: EnvName, bucket: string, accountId: string) => `${P}-${env}-${bucket}-${accountId}`,
  ecrRepository: (service: string) => `${P}/${service}`,
  /** Secrets Manager secret of a service, e.g. platform/dev/api-gateway/api-keys. */
  serviceSecret: (env: EnvName, service: string, secret: string) => `${P}/${env}/${service}/${secret}`,
  /** Secrets Manager secrets of the data stores (managed master password, Redis auth token). */
  databaseSecret: (env: EnvName) => `${P}/${env}/aurora/master`,
  cacheAuthSecret: (env: EnvName) => `${P}/${env}/redis/auth-token`,
  /** Private hosted zone of the environment and the stable DNS names of the data endpoints. */
  privateZone: (env: EnvName) => `${env}.${P}.internal`,
  postgresHost: (env: EnvName) => `postgres.${env}.${P}.internal`,
  postgresReaderHost: (env: EnvName) => `postgres-ro.${env}.${P}.internal`,
  redisHost: (env: EnvName) => `redis.${env}.${P}.internal`,
  kafkaBootstrapHost: (env: EnvName) => `kafka.${env}.${P}.internal`,
  alertTopic: (env: EnvName) => `${P}-${env}-alerts`,
  /** Every CloudWatch log group of an environment lives under this prefix. */
  logGroupPrefix: (env: EnvName) => `/${P}/${env}`,
  logGroup: (env: EnvName, name: string) => `/${P}/${env}/${name}`,
  veleroBucket: (env: EnvName, accountId: string) => `${P}-${env}-velero-${accountId}`,

  // Kubernetes
  namespaces: {
    system: 'platform-system',
    apps: 'platform-apps',
    data: 'platform-data',
    monitoring: 'platform-monitoring',
  },
  clusterSecretStore: 'aws-secrets-manager',
} as const;
