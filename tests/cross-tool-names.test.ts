/** Names one tool looks up and another creates: each pair must agree, or a cluster finds nothing at runtime. */
import { describe, expect, it } from 'vitest';
import { releaseValues } from '../generators/argocd/release-values.js';
import { clusterApps } from '../generators/kubernetes/apps.js';
import { IRSA_ANNOTATION } from '../generators/kubernetes/irsa.js';
import { AWS_IDENTITIES, naming, type AwsIdentity } from '../generators/naming.js';
import { networkStack } from '../generators/terraform/network.js';
import { loadRepositoryModel } from '../scripts/lib/platform.js';
import { documentsOf, synthAll } from './support/synth.js';

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

describe('what the cluster references, Terraform creates', () => {
  const files = synthAll(model);

  describe.each(model.environments.map((env) => [env.name, env] as const))('%s', (_name, env) => {
    const underEnv = (prefixes: string[]) => files.filter((f) => prefixes.some((p) => f.path.startsWith(p)));
    const clusterText = JSON.stringify(underEnv([`generated/kubernetes/${env.name}/`, `argocd/${env.name}/`]).map(documentsOf));
    const terraform = underEnv([`generated/terraform/${env.name}/`]).flatMap(documentsOf) as {
      resource?: Record<string, Record<string, Record<string, unknown>>>;
    }[];
    const resources = (type: string) => terraform.flatMap((doc) => Object.values(doc.resource?.[type] ?? {}));
    const referenced = (pattern: RegExp) => [...new Set([...clusterText.matchAll(pattern)].map((m) => m[1]!))].sort();

    it('every IAM role the cluster annotates exists, trusting exactly its service account', () => {
      const roles = new Map(resources('aws_iam_role').map((r) => [String(r.name), String(r.assume_role_policy)]));
      const arns = referenced(/arn:aws:iam::(\d+:role\/[A-Za-z0-9+=,.@_-]+)/g);
      expect(arns.length).toBeGreaterThan(0);
      for (const arn of arns) {
        const [account, roleName] = arn.split(':role/') as [string, string];
        expect(account, arn).toBe(env.aws.accountId);
        const trust = roles.get(roleName);
        expect(trust, `${roleName} is annotated in the cluster but not created by Terraform`).toBeDefined();
        const identity = roleName.slice(`${naming.irsaRoleName(env.name, '')}`.length);
        const expected = identity in AWS_IDENTITIES ? AWS_IDENTITIES[identity as AwsIdentity] : naming.serviceAccount(identity);
        expect(trust!.match(/system:serviceaccount:[a-z0-9-]+:[a-z0-9-]+/g), roleName).toStrictEqual([
          `system:serviceaccount:${expected.namespace}:${expected.serviceAccount}`,
        ]);
      }
    });

    it('every Secrets Manager secret an ExternalSecret reads exists', () => {
      const secrets = new Set(resources('aws_secretsmanager_secret').map((s) => String(s.name)));
      const keys = referenced(new RegExp(`"key":"(${naming.secretPrefix(env.name)}[^"]+)"`, 'g'));
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(secrets, key).toContain(key);
    });

    it('every private data endpoint a pod connects to has a DNS record', () => {
      const records = new Set(resources('aws_route53_record').map((r) => String(r.name)));
      const hosts = referenced(new RegExp(`([a-z0-9-]+\\.${naming.privateZone(env.name).replace(/\./g, '\\.')})`, 'g'));
      expect(hosts.length).toBeGreaterThan(0);
      for (const host of hosts) expect(records, host).toContain(host);
    });
  });
});
