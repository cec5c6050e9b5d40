/** Names one tool looks up and another creates: each pair must agree, or a cluster finds nothing at runtime. */
import { describe, expect, it } from 'vitest';
import { clusterApps } from '../generators/kubernetes/apps.js';
import { naming } from '../generators/naming.js';
import { networkStack } from '../generators/terraform/network.js';
import { loadRepositoryModel } from '../scripts/lib/platform.js';

const model = loadRepositoryModel();

describe.each(model.environments.map((env) => [env.name, env] as const))('%s', (_name, env) => {
  it('the AWS Load Balancer Controller looks up the VPC by the Name tag the network stack gives it', () => {
    const terraform = networkStack(env).stack.toTerraform() as { resource: { aws_vpc: Record<string, { tags: Record<string, string> }> } };
    const vpcNames = Object.values(terraform.resource.aws_vpc).map((vpc) => vpc.tags.Name);
    const controller = clusterApps(env).releases.find((r) => r.name === 'aws-load-balancer-controller')!;
    expect(vpcNames).toStrictEqual([naming.vpcName(env.name)]);
    expect((controller.values as { vpcTags: Record<string, string> }).vpcTags).toStrictEqual({ Name: naming.vpcName(env.name) });
  });
});
