/**
 * Shared plumbing of every Terraform stack: one cdktf stack per (environment, concern) with the S3
 * backend (native lock file), the AWS provider assuming the environment's role with default tags,
 * explicit remote-state reads of upstream stacks, and conversion to a generated file in memory.
 * The state bootstrap shares the provider but has neither backend nor assumed role.
 */
import { Construct } from 'constructs';
import { DataTerraformRemoteStateS3, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { tools } from '../../environments/versions.js';
import { resourceTags } from '../aws-tags.js';
import type { GeneratedFile } from '../document.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming, type StackName } from '../naming.js';

export interface PlatformStack {
  env: ResolvedEnvironment;
  name: StackName;
  stack: TerraformStack;
  /** The provider's default tags, for what they do not reach (instances and volumes a launch template launches). */
  defaultTags: Record<string, string>;
}

/** The tags every resource of the stack carries (policy TF-012). */
export function defaultTags(env: ResolvedEnvironment, generator: string): Record<string, string> {
  return resourceTags(env, 'terraform', generator);
}

export function backendConfig(env: ResolvedEnvironment, stack: StackName) {
  return {
    bucket: naming.stateBucket(env.aws.accountId),
    key: naming.stateKey(env.name, stack),
    region: env.aws.region,
    encrypt: true,
    kmsKeyId: naming.stateKmsAlias,
    assumeRole: { roleArn: naming.roleArn(env.aws.accountId, env.aws.terraformRoleName) },
  };
}

/**
 * The Terraform versions a stack accepts: patch releases of the pinned line (tools.terraform), the
 * one CI and Atlantis run. Atlantis and developers get a clear refusal from any other version.
 */
export function requiredTerraformVersion(): string {
  return `~> ${tools.terraform}`;
}

/**
 * A root construct per stack keeps stacks independent. Not a cdktf `App`: its constructor creates
 * an output directory (and reads CDKTF_* variables) even though we only call `toTerraform()` in
 * memory, so a generator would touch the file system outside the repository (EACCES for non-root).
 * Stacks need no App for `toTerraform()`; cross-stack references (which would) are not used: stacks
 * read each other through `remoteState()`.
 */
function newStack(id: string): TerraformStack {
  const root = new Construct(undefined as unknown as Construct, '');
  root.node.setContext('@cdktf/disable_stack_trace_in_metadata', true); // as App({ stackTraces: false }) did
  const stack = new TerraformStack(root, id);
  stack.addOverride('terraform.required_version', requiredTerraformVersion());
  return stack;
}

/** The environment's provider; `assumeRoleSession` null uses the caller's own credentials (bootstrap). */
function awsProvider(stack: TerraformStack, env: ResolvedEnvironment, generator: string, assumeRoleSession: string | null): void {
  new AwsProvider(stack, 'aws', {
    region: env.aws.region,
    allowedAccountIds: [env.aws.accountId],
    assumeRole:
      assumeRoleSession === null ? undefined : [{ roleArn: naming.roleArn(env.aws.accountId, env.aws.terraformRoleName), sessionName: assumeRoleSession }],
    defaultTags: [{ tags: defaultTags(env, generator) }],
  });
}

export function createStack(env: ResolvedEnvironment, name: StackName, generator: string): PlatformStack {
  const stack = newStack(`${env.name}-${name}`);
  new S3Backend(stack, backendConfig(env, name));
  // Native S3 locking (Terraform >= 1.10); cdktf 0.21's S3Backend type predates the option.
  stack.addOverride('terraform.backend.s3.use_lockfile', true);
  awsProvider(stack, env, generator, `${naming.envPrefix(env.name)}-${name}`);
  return { env, name, stack, defaultTags: defaultTags(env, generator) };
}

/** The state bucket's own configuration: local state, applied once per account with an administrator's credentials. */
export function createBootstrapStack(env: ResolvedEnvironment, generator: string): TerraformStack {
  const stack = newStack(`${env.name}-bootstrap`);
  awsProvider(stack, env, generator, null);
  return stack;
}

/**
 * A second AWS provider, aliased `copies`, for the environment's copy region (recovery.copyRegions):
 * same account, role and default tags as the stack's own provider. Resources there pass it as `provider`.
 */
export function copyRegionProvider(target: PlatformStack, region: string): AwsProvider {
  const { env, stack, name } = target;
  return new AwsProvider(stack, 'aws_copies', {
    alias: 'copies',
    region,
    allowedAccountIds: [env.aws.accountId],
    assumeRole: [{ roleArn: naming.roleArn(env.aws.accountId, env.aws.terraformRoleName), sessionName: `${naming.envPrefix(env.name)}-${name}-copies` }],
    defaultTags: [{ tags: target.defaultTags }],
  });
}

/** Declares outputs by name, so downstream `remoteState()` reads name exactly these. */
export function outputs(stack: TerraformStack, values: Record<string, { value: unknown; description: string }>): void {
  for (const [id, output] of Object.entries(values)) new TerraformOutput(stack, id, output);
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

/** Converts a stack to its JSON in memory: construct metadata dropped, the AWS provider source made explicit. */
export function stackJson(stack: TerraformStack): Record<string, unknown> {
  const json = stripMetadata(stack.toTerraform()) as Record<string, unknown>;
  const terraform = json.terraform as { required_providers?: Record<string, { source?: string }> } | undefined;
  const aws = terraform?.required_providers?.aws;
  if (aws) aws.source = 'hashicorp/aws';
  return json;
}

export function stackFile(platformStack: PlatformStack, generator: string, sources: string[]): GeneratedFile {
  return {
    path: `${naming.terraformDir(platformStack.env.name, platformStack.name)}/main.tf.json`,
    environment: platformStack.env.name,
    generator,
    sources,
    content: { format: 'json', value: stackJson(platformStack.stack) },
  };
}
