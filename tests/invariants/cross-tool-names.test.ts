/** Names one tool looks up and another creates: each pair must agree, or a cluster finds nothing at runtime. */
import { describe, expect, it } from 'vitest';
import { releaseValues } from '../../generators/argocd/release-values.js';
import { clusterApps } from '../../generators/kubernetes/apps.js';
import { IRSA_ANNOTATION } from '../../generators/kubernetes/irsa.js';
import { AWS_IDENTITIES, naming, type AwsIdentity } from '../../generators/naming.js';
import { networkStack } from '../../generators/terraform/network.js';
import type { ClusterIssuerManifest } from '../../generators/kubernetes/crds.js';
import type { EC2NodeClassManifest } from '../../generators/kubernetes/node-pools/karpenter-api.js';
import { repositoryOutput } from '../support/repository-output.js';
import { documentsOf } from '../support/synth.js';

const { model, files } = await repositoryOutput();

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
    // ebs-csi is an EKS managed add-on (Terraform); kafka-topics a generated Job, not a chart; Atlantis runs only where the platform tooling lives.
    const expected = (Object.keys(AWS_IDENTITIES) as AwsIdentity[])
      .filter((identity) => identity !== 'ebs-csi' && identity !== 'kafka-topics' && (identity !== 'atlantis' || env.hostsPlatformTooling))
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

    const clusterObjects = underEnv([`generated/kubernetes/${env.name}/`]).flatMap(documentsOf) as { kind: string }[];
    const ofKind = <T>(kind: string) => clusterObjects.filter((o) => o.kind === kind) as T[];
    const network = underEnv([`${naming.terraformDir(env.name, 'network')}/`]).flatMap(documentsOf)[0] as {
      resource: Record<string, Record<string, Record<string, unknown>>>;
      output: Record<string, { value: string }>;
    };

    it('Karpenter launches nodes with the role Terraform creates, into the subnets and security group it tags for discovery', () => {
      const nodeClasses = ofKind<EC2NodeClassManifest>('EC2NodeClass');
      expect(nodeClasses.length).toBeGreaterThan(0);
      const roles = resources('aws_iam_role').map((r) => String(r.name));
      const subnets = resources('aws_subnet') as { tags: Record<string, string> }[];
      const tags = resources('aws_ec2_tag') as { key: string; value: string; resource_id: string }[];
      const matches = (selector: Record<string, string>, found: Record<string, string>) => Object.entries(selector).every(([k, v]) => found[k] === v);
      for (const { spec } of nodeClasses) {
        expect(roles).toContain(spec.role);
        for (const term of spec.subnetSelectorTerms) {
          // Every private subnet (one per zone), and nothing else.
          expect(subnets.filter((s) => matches(term.tags, s.tags)).map((s) => s.tags.tier)).toStrictEqual(env.aws.availabilityZones.map(() => 'private'));
        }
        for (const term of spec.securityGroupSelectorTerms) {
          const tagged = Object.entries(term.tags).map(([key, value]) => tags.filter((t) => t.key === key && t.value === value).map((t) => t.resource_id));
          expect(tagged).toStrictEqual(Object.keys(term.tags).map(() => ['${aws_eks_cluster.eks_cluster.vpc_config[0].cluster_security_group_id}']));
        }
      }
    });

    it("cert-manager's issuers solve DNS-01 in the public zone Terraform creates, whose challenge records its role may write", () => {
      const issuers = ofKind<ClusterIssuerManifest>('ClusterIssuer');
      expect(issuers.length).toBeGreaterThan(0);
      const [zoneId] = Object.entries(network.resource.aws_route53_zone ?? {}).find(([, z]) => z.name === env.domain && !('vpc' in z)) ?? [];
      expect(zoneId, `public zone ${env.domain}`).toBeDefined();
      expect(network.output.public_zone_id?.value).toBe(`\${aws_route53_zone.${zoneId}.zone_id}`);
      for (const issuer of issuers) {
        expect(issuer.spec?.acme?.solvers?.map((s) => s.selector?.dnsZones)).toStrictEqual([[env.domain]]);
        expect(issuer.spec?.acme?.solvers?.[0]?.dns01?.route53).toStrictEqual({ region: env.aws.region });
      }
      const policy = resources('aws_iam_role_policy').find((p) => p.role === '${aws_iam_role.irsa_cert_manager.id}')!;
      const statements = (JSON.parse(String(policy.policy)) as { Statement: { Action: string[]; Resource: string | string[] }[] }).Statement;
      const allows = (action: string) => statements.filter((st) => st.Action.includes(action)).flatMap((st) => st.Resource);
      expect(allows('route53:ChangeResourceRecordSets')).toStrictEqual(['arn:aws:route53:::hostedzone/${data.terraform_remote_state.network.outputs.public_zone_id}']);
      expect(allows('route53:GetChange')).toStrictEqual(['arn:aws:route53:::change/*']);
      expect(allows('route53:ListHostedZonesByName')).toStrictEqual(['*']);
    });

    it('pods reach the data stores by the AWS endpoint names Terraform writes to Secrets Manager (what TLS verification needs)', () => {
      const named = (type: string) => terraform.flatMap((doc) => Object.entries(doc.resource?.[type] ?? {}));
      const stores = (['postgres', 'postgres-reader', 'redis'] as const).filter((store) => clusterText.includes(`"key":"${naming.endpointSecret(env.name, store)}"`));
      expect(stores.length).toBeGreaterThan(0);
      for (const store of stores) {
        const [address] = named('aws_secretsmanager_secret').find(([, s]) => s.name === naming.endpointSecret(env.name, store)) ?? [];
        expect(address, store).toBeDefined();
        const values = named('aws_secretsmanager_secret_version').filter(([, v]) => v.secret_id === `\${aws_secretsmanager_secret.${address}.id}`).map(([, v]) => v.secret_string);
        expect(values, store).toHaveLength(1);
        expect(values[0], store).toMatch(/^\$\{aws_(rds_cluster\.[\w-]+\.(endpoint|reader_endpoint)|elasticache_replication_group\.[\w-]+\.primary_endpoint_address)\}$/);
      }
      // The private aliases stay for people; any a pod still names must resolve.
      const records = new Set(resources('aws_route53_record').map((r) => String(r.name)));
      for (const host of referenced(new RegExp(`([a-z0-9-]+\\.${naming.privateZone(env.name).replace(/\./g, '\\.')})`, 'g'))) expect(records, host).toContain(host);
    });
  });
});
