/**
 * Services stack: per service, an ECR repository (services/image-repository.ts), its Secrets
 * Manager secrets (names only: values are set out of band, never in Git) and an IRSA role whose
 * policy grants exactly its declared dependencies; where the platform tooling runs, Atlantis's
 * GitHub credentials secret. Reads the cluster (OIDC) and data (keys, Aurora
 * resource id) stacks' outputs.
 */
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
import type { EnvironmentGenerator } from '../generator.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { irsaRole, oidcFromClusterState, terraformId } from './irsa.js';
import { platformKey } from './kms.js';
import { imageRepository } from './services/image-repository.js';
import { kafkaTopicsAccess } from './services/kafka-topics.js';
import { serviceStatements } from './services/policy.js';
import { rotationTags } from './secrets/rotation-tags.js';
import { ssoClientSecrets } from './services/sso-secrets.js';
import { createStack, outputs, remoteState, stackFile } from './stack.js';

const GENERATOR = 'terraform/services';

export function servicesStack(env: ResolvedEnvironment) {
  const ps = createStack(env, 'services', GENERATOR);
  const { stack } = ps;
  const prefix = naming.envPrefix(env.name);
  const cluster = remoteState(ps, 'cluster');
  const data = remoteState(ps, 'data');
  const oidc = oidcFromClusterState(cluster);
  const imagesKey = platformKey(stack, 'images', {
    accountId: env.aws.accountId,
    alias: naming.kmsAlias(env.name, 'images'),
    description: `${prefix} ECR image encryption`,
  });

  const repositoryUrls: Record<string, string> = {};
  const roleArns: Record<string, string> = {};
  for (const service of env.services) {
    const id = terraformId(service.name);
    const repository = imageRepository(stack, id, naming.ecrRepository(service.name), imagesKey.arn);
    repositoryUrls[service.name] = repository.repositoryUrl;

    const secrets = service.dependencies.secrets.map(
      (secret) =>
        new SecretsmanagerSecret(stack, `secret_${id}_${terraformId(secret)}`, {
          name: naming.serviceSecret(env.name, service.name, secret),
          description: `${service.name} ${secret}: value set out of band, never in Git`,
          kmsKeyId: data.getString('secrets_kms_key_arn'),
          recoveryWindowInDays: 7,
          tags: rotationTags(env, 'runbook'),
        }),
    );
    const role = irsaRole(stack, {
      env: env.name,
      name: service.name,
      serviceAccount: naming.serviceAccount(service.name),
      oidc,
      description: `${service.name}: its declared dependencies only`,
      statements: serviceStatements({
        env: env.name,
        service: service.name,
        region: env.aws.region,
        accountId: env.aws.accountId,
        dependencies: service.dependencies,
        postgresResourceId: data.getString('postgres_cluster_resource_id'),
        dataKeyArn: data.getString('data_kms_key_arn'),
        secretsKeyArn: data.getString('secrets_kms_key_arn'),
        secretArns: secrets.map((s) => s.arn),
      }),
    });
    roleArns[service.name] = role.arn;
  }

  kafkaTopicsAccess(stack, env, oidc, imagesKey.arn);
  ssoClientSecrets(stack, env, data.getString('secrets_kms_key_arn'));

  if (env.hostsPlatformTooling) {
    // Atlantis's GitHub token and webhook secret (JSON keys github_token, github_secret), read by its ExternalSecret.
    new SecretsmanagerSecret(stack, 'secret_atlantis_github', {
      name: naming.atlantisGithubSecret(env.name),
      description: 'Atlantis GitHub token and webhook secret: value set out of band, never in Git',
      kmsKeyId: data.getString('secrets_kms_key_arn'),
      recoveryWindowInDays: 7,
      tags: rotationTags(env, 'runbook'),
    });
  }

  outputs(stack, {
    ecr_repository_urls: { value: repositoryUrls, description: 'ECR repository URL by service' },
    service_role_arns: { value: roleArns, description: 'IRSA role ARN by service' },
  });
  return ps;
}

export const servicesGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env) => [
    stackFile(servicesStack(env), GENERATOR, [env.file, ...env.services.map((s) => s.file), 'generators/terraform/services.ts', 'generators/terraform/services/kafka-topics.ts']),
  ],
};
