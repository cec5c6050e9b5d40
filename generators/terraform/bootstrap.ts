/**
 * The state bucket of an environment's account, created once by hand before any stack: versioned,
 * SSE-KMS with its own key (the alias every backend names), public access blocked, TLS only, never
 * destroyed by Terraform. It is not an Atlantis project and has no backend: it is applied with an
 * administrator's credentials and local state (see the README).
 */
import type { EnvironmentGenerator } from '../generator.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { platformKey } from './kms.js';
import { recoveryTags } from './recovery/objective-tags.js';
import { secureBucket } from './s3-bucket.js';
import { createBootstrapStack, outputs, stackJson } from './stack.js';

const GENERATOR = 'terraform/bootstrap';
/** Old state versions stay recoverable this long. */
const STATE_VERSION_RETENTION_DAYS = 90;

export function bootstrapStack(env: ResolvedEnvironment) {
  const stack = createBootstrapStack(env, GENERATOR);
  const key = platformKey(stack, 'tfstate', {
    accountId: env.aws.accountId,
    alias: naming.stateKmsAlias,
    description: `Terraform state of account ${env.aws.accountId}`,
  });
  const bucket = secureBucket(stack, 'bucket_tfstate', {
    name: naming.stateBucket(env.aws.accountId),
    kmsKeyArn: key.arn,
    lifecycle: { noncurrentVersionExpirationDays: STATE_VERSION_RETENTION_DAYS, expirationDays: 0 },
    preventDestroy: true,
    tags: recoveryTags(env, 'terraform-state'),
  });
  outputs(stack, {
    state_bucket: { value: bucket.bucket, description: 'Terraform state bucket of this account' },
    state_kms_key_arn: { value: key.arn, description: 'KMS key of the state objects' },
  });
  return stack;
}

export const bootstrapGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env) => [
    {
      path: `${naming.bootstrapDir(env.name)}/main.tf.json`,
      environment: env.name,
      generator: GENERATOR,
      sources: [env.file, 'generators/terraform/bootstrap.ts'],
      content: { format: 'json', value: stackJson(bootstrapStack(env)) },
    },
  ],
};
