/** Names one tool looks up and another creates: each pair must agree, or a cluster finds nothing at runtime. */
import { describe, expect, it } from 'vitest';
import { releaseValues } from '../generators/argocd/release-values.js';
import { clusterApps } from '../generators/kubernetes/apps.js';
import { IRSA_ANNOTATION } from '../generators/kubernetes/irsa.js';
import { AWS_IDENTITIES, naming, type AwsIdentity } from '../generators/naming.js';
import { networkStack } from '../generators/terraform/network.js';
import { loadRepositoryModel } from '../scripts/lib/platform.js';

const model = loadRepositoryModel();

/** Every `{ name, annotations: { <IRSA> } }` service account in a release's values. */
function irsaServiceAccounts(values: unknown, found: { name: string; roleArn: string }[] = []): { name: string; roleArn: string }[] {
  if (Array.isArray(values)) values.forEach((v) => irsaServiceAccounts(v, found));
  else if (values && typeof values === 'object') {
    const record = values as { name?: unknown; annotations?: Record<string, string> };
    const roleArn = record.annotations?.[IRSA_ANNOTATION];
    if (typeof record.name === 'string' && roleArn) found.push({ name: record.name, roleArn });
    Object.values(values).forEach((v) => irsaServiceAccounts(v, found));
  }
  return found;
}

describe.each(model.environments.map((env) => [env.name, env] as const))('%s', (_name, env) => {
  it('the AWS Load Balancer Controller looks up the VPC by the Name tag the network stack gives it', () => {
    const terraform = networkStack(env).stack.toTerraform() as { resource: { aws_vpc: Record<string, { tags: Record<string, string> }> } };
    const vpcNames = Object.values(terraform.resource.aws_vpc).map((vpc) => vpc.tags.Name);
    const controller = clusterApps(env).releases.find((r) => r.name === 'aws-load-balancer-controller')!;
    expect(vpcNames).toStrictEqual([naming.vpcName(env.name)]);
    expect((controller.values as { vpcTags: Record<string, string> }).vpcTags).toStrictEqual({ Name: naming.vpcName(env.name) });
  });

  it('the deployed add-on values annotate exactly the AWS_IDENTITIES service accounts, in their namespaces, with the roles Terraform trusts', () => {
    const releases = clusterApps(env).releases;
    const found = releases.flatMap((r) => irsaServiceAccounts(releaseValues(env, r)).map((sa) => ({ ...sa, namespace: r.namespace })));
    // ebs-csi is an EKS managed add-on (Terraform); Atlantis runs only where the platform tooling lives.
    const expected = (Object.keys(AWS_IDENTITIES) as AwsIdentity[])
      .filter((identity) => identity !== 'ebs-csi' && (identity !== 'atlantis' || env.hostsPlatformTooling))
      .map((identity) => ({
        name: AWS_IDENTITIES[identity].serviceAccount,
        namespace: AWS_IDENTITIES[identity].namespace,
        roleArn: naming.roleArn(env.aws.accountId, naming.irsaRoleName(env.name, identity)),
      }));
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect(found.sort(byName)).toStrictEqual(expected.sort(byName));
  });
});
