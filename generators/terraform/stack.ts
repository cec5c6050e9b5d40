/**
 * Shared plumbing of every Terraform stack: one cdktf stack per (environment, concern) with the S3
 * backend (native lock file), the AWS provider assuming the environment's role with default tags,
 * explicit remote-state reads of upstream stacks, and conversion to a generated file in memory.
 */
import { App, DataTerraformRemoteStateS3, S3Backend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import type { GeneratedFile } from '../document.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming, type StackName } from '../naming.js';

export interface PlatformStack {
  env: ResolvedEnvironment;
  name: StackName;
  stack: TerraformStack;
}

export function backendConfig(env: ResolvedEnvironment, stack: StackName) {
  return {
    bucket: naming.stateBucket(env.aws.accountId),
    key: naming.stateKey(env.name, stack),
    region: env.aws.region,
    encrypt: true,
    assumeRole: { roleArn: naming.roleArn(env.aws.accountId, env.aws.terraformRoleName) },
  };
}

export function createStack(env: ResolvedEnvironment, name: StackName, generator: string): PlatformStack {
  // An App per stack keeps stacks independent; nothing is written because synth() is never called.
  const app = new App({ outdir: '/nonexistent', skipValidation: true, stackTraces: false });
  const stack = new TerraformStack(app, `${env.name}-${name}`);
  new S3Backend(stack, backendConfig(env, name));
  // Native S3 locking (Terraform >= 1.10); cdktf 0.21's S3Backend type predates the option.
  stack.addOverride('terraform.backend.s3.use_lockfile', true);
  new AwsProvider(stack, 'aws', {
    region: env.aws.region,
    allowedAccountIds: [env.aws.accountId],
    assumeRole: [{ roleArn: naming.roleArn(env.aws.accountId, env.aws.terraformRoleName), sessionName: `${naming.envPrefix(env.name)}-${name}` }],
    defaultTags: [
      {
        tags: {
          environment: env.name,
          owner: env.owners.team,
          'cost-center': env.owners.costCenter,
          'managed-by': 'terraform',
          source: `${generator} from ${env.file}`,
        },
      },
    ],
  });
  return { env, name, stack };
}

/** Reads the outputs of an upstream stack of the same environment through its S3 state. */
export function remoteState(target: PlatformStack, upstream: StackName): DataTerraformRemoteStateS3 {
  return new DataTerraformRemoteStateS3(target.stack, upstream, backendConfig(target.env, upstream));
}

/** Drops cdktf's construct metadata ("//" keys) so the output names nothing but what Terraform reads. */
function stripMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== '//')
        .map(([key, inner]) => [key, stripMetadata(inner)]),
    );
  }
  return value;
}

export function stackFile(platformStack: PlatformStack, generator: string, sources: string[]): GeneratedFile {
  const json = stripMetadata(platformStack.stack.toTerraform()) as Record<string, unknown>;
  const terraform = json.terraform as { required_providers?: Record<string, { source?: string }> } | undefined;
  const aws = terraform?.required_providers?.aws;
  if (aws) aws.source = 'hashicorp/aws';
  return {
    path: `${naming.terraformDir(platformStack.env.name, platformStack.name)}/main.tf.json`,
    environment: platformStack.env.name,
    generator,
    sources,
    content: { format: 'json', value: json },
  };
}
