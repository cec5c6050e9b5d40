/**
 * The decisions that matter, checked on the generated Terraform JSON of every environment:
 * protections per environment, encryption and public access, least privilege, IRSA trust, IMDSv2,
 * the EKS endpoint, state and the stack graph.
 */
import { describe, expect, it } from 'vitest';
import { kafkaAdminImage } from '../../environments/versions.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { AWS_IDENTITIES, naming, TERRAFORM_STACKS } from '../../generators/naming.js';
import { generatedStacks, resources, type GeneratedStack, type TerraformJson } from '../terraform/generated-stacks.js';
import { asList, policyDocuments } from '../terraform/policy-documents.js';

const model = loadRepositoryModel();
const stacks = await generatedStacks();
const envOf = (name: string) => model.environments.find((e) => e.name === name)!;
const stackOf = (env: string, stack: string) => stacks.find((s) => s.env === env && s.stack === stack)!;
const ofType = (json: TerraformJson, type: string) => Object.entries(json.resource?.[type] ?? {});
const allOfType = (env: string, type: string) => stacks.filter((s) => s.env === env).flatMap((s) => ofType(s.json, type));
const ref = (type: string, id: string, attribute = 'id') => `\${${type}.${id}.${attribute}}`;

describe('environment decisions', () => {
  const production = model.environments.filter((e) => e.tier === 'production');
  const zoneId = (zone: string) => zone.replace(/-/g, '_');

  it('there is a production environment to check', () => {
    expect(production.length).toBeGreaterThan(0);
  });

  it('production: Aurora has deletion protection, a final snapshot and instances in different zones', () => {
    for (const env of production) {
      const [[, cluster]] = ofType(stackOf(env.name, 'data').json, 'aws_rds_cluster') as [[string, Record<string, unknown>]];
      expect(cluster, env.name).toMatchObject({ deletion_protection: true, skip_final_snapshot: false, final_snapshot_identifier: naming.postgresFinalSnapshot(env.name) });
      const zones = ofType(stackOf(env.name, 'data').json, 'aws_rds_cluster_instance').map(([, i]) => i.availability_zone);
      expect(zones, env.name).toEqual(env.aws.availabilityZones.slice(0, env.database.instances));
      expect(new Set(zones).size, env.name).toBe(zones.length);
    }
  });

  it('production: Redis is multi-AZ with automatic failover, NAT is one per zone, nodes are on demand', () => {
    for (const env of production) {
      const [[, redis]] = ofType(stackOf(env.name, 'data').json, 'aws_elasticache_replication_group') as [[string, Record<string, unknown>]];
      expect(redis, env.name).toMatchObject({ multi_az_enabled: true, automatic_failover_enabled: true, num_cache_clusters: env.cache.nodes });
      expect(ofType(stackOf(env.name, 'network').json, 'aws_nat_gateway').map(([id]) => id), env.name).toEqual(env.aws.availabilityZones.map((z) => `nat_gateway_${zoneId(z)}`));
      const groups = allOfType(env.name, 'aws_eks_node_group');
      expect(groups.map(([, g]) => g.node_group_name).sort(), env.name).toEqual(env.eks.nodePools.map((p) => p.name).sort());
      expect(groups.filter(([, g]) => g.capacity_type === 'SPOT' && g.node_group_name === 'system').map(([id]) => id), env.name).toEqual([]);
    }
  });

  it('single NAT: one NAT gateway serves every zone, and every pool runs on the capacity declared', () => {
    for (const env of model.environments.filter((e) => e.network.natGateways === 'single')) {
      const network = stackOf(env.name, 'network').json;
      const nat = `nat_gateway_${zoneId(env.aws.availabilityZones[0]!)}`;
      expect(ofType(network, 'aws_nat_gateway').map(([id]) => id), env.name).toEqual([nat]);
      const natRoutes = ofType(network, 'aws_route').filter(([id]) => id.startsWith('route_private_nat_'));
      expect(natRoutes.map(([, r]) => r.nat_gateway_id), env.name).toEqual(env.aws.availabilityZones.map(() => ref('aws_nat_gateway', nat)));
    }
    for (const env of model.environments) {
      const capacity = Object.fromEntries(allOfType(env.name, 'aws_eks_node_group').map(([, g]) => [g.node_group_name, g.capacity_type]));
      expect(capacity, env.name).toEqual(Object.fromEntries(env.eks.nodePools.map((p) => [p.name, p.capacityType])));
    }
  });

  it('without deletion protection, Aurora can be destroyed and takes no final snapshot', () => {
    for (const env of model.environments.filter((e) => !e.database.deletionProtection)) {
      const [[, cluster]] = ofType(stackOf(env.name, 'data').json, 'aws_rds_cluster') as [[string, Record<string, unknown>]];
      expect(cluster, env.name).toMatchObject({ deletion_protection: false, skip_final_snapshot: true });
    }
  });

  it('every pool gets the AMI of its architecture and exactly its declared taints, in every environment', () => {
    const effects = { NoSchedule: 'NO_SCHEDULE', PreferNoSchedule: 'PREFER_NO_SCHEDULE', NoExecute: 'NO_EXECUTE' } as const;
    for (const env of model.environments) {
      for (const pool of env.eks.nodePools) {
        const found = allOfType(env.name, 'aws_eks_node_group').find(([id]) => id === `node_group_${pool.name.replace(/-/g, '_')}`);
        expect(found, `${env.name} ${pool.name}`).toBeDefined();
        const [, group] = found!;
        expect(group.ami_type, `${env.name} ${pool.name}`).toBe(pool.architecture === 'arm64' ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD');
        const taints = pool.taints.map((t) => ({ key: t.key, value: t.value, effect: effects[t.effect] }));
        expect((group.taint as unknown[] | undefined) ?? [], `${env.name} ${pool.name}`).toEqual(taints);
      }
    }
  });
});

describe.each(model.environments.map((env) => ({ name: env.name, env })))('$name', ({ env }) => {
  const own = stacks.filter((s) => s.env === env.name);

  it('encrypts, versions and fully blocks public access on every bucket, and accepts TLS only', () => {
    const buckets = own.flatMap((s) => ofType(s.json, 'aws_s3_bucket').map(([id]) => ({ s, id })));
    expect(buckets.length).toBeGreaterThanOrEqual(env.dataLake.buckets.length + 3);
    for (const { s, id } of buckets) {
      const companion = (type: string) => ofType(s.json, type).find(([, r]) => r.bucket === ref('aws_s3_bucket', id))?.[1];
      const where = `${s.path} aws_s3_bucket.${id}`;
      expect(companion('aws_s3_bucket_server_side_encryption_configuration'), where).toMatchObject({
        rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\./) }, bucket_key_enabled: true }],
      });
      expect(companion('aws_s3_bucket_versioning'), where).toMatchObject({ versioning_configuration: { status: 'Enabled' } });
      expect(companion('aws_s3_bucket_public_access_block'), where).toMatchObject({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
      expect(companion('aws_s3_bucket_ownership_controls'), where).toMatchObject({ rule: { object_ownership: 'BucketOwnerEnforced' } });
      const policy = JSON.parse(companion('aws_s3_bucket_policy')!.policy as string) as { Statement: unknown[] };
      expect(policy.Statement, where).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: ['s3:*'], Condition: { Bool: { 'aws:SecureTransport': false } }, Resource: expect.arrayContaining([expect.stringMatching(/\/\*$/)]) }),
      );
    }
  });

  it('has no IAM statement that allows every action, on every resource, or to anyone unconditionally', () => {
    for (const s of own) {
      for (const doc of policyDocuments(s.json)) {
        for (const st of doc.statements.filter((x) => x.Effect === 'Allow')) {
          const where = `${s.path} ${doc.address}.${doc.attribute} ${st.Sid}`;
          const actions = asList(st.Action);
          expect(actions.some((a) => a === '*' || a === '*:*'), where).toBe(false);
          // `kms:*` to the account itself is the standard key policy statement; anything else stays specific.
          const wildcardAction = actions.some((a) => a.endsWith(':*'));
          if (wildcardAction) expect(st.Principal, where).toEqual({ AWS: `arn:aws:iam::${env.aws.accountId}:root` });
          const anyone = st.Principal === '*' || (typeof st.Principal === 'object' && asList(st.Principal.AWS).includes('*'));
          if (anyone) expect(st.Condition, where).toBeDefined();
        }
      }
    }
  });

  it('rotates every customer-managed KMS key', () => {
    const keys = own.flatMap((s) => ofType(s.json, 'aws_kms_key'));
    expect(keys.length).toBeGreaterThan(0);
    for (const [id, key] of keys) expect(key, id).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
  });

  it('keeps the EKS API endpoint private or limited to named CIDRs, and encrypts Kubernetes secrets', () => {
    const [[, cluster]] = ofType(stackOf(env.name, 'cluster').json, 'aws_eks_cluster') as [[string, Record<string, unknown>]];
    const vpc = cluster.vpc_config as Record<string, unknown>;
    expect(vpc.endpoint_private_access).toBe(true);
    if (env.eks.publicAccessCidrs.length === 0) {
      expect(vpc.endpoint_public_access).toBe(false);
    } else {
      expect(vpc).toMatchObject({ endpoint_public_access: true, public_access_cidrs: env.eks.publicAccessCidrs });
    }
    expect(asList(vpc.public_access_cidrs as string[] | undefined)).not.toContain('0.0.0.0/0');
    expect(cluster.encryption_config).toMatchObject({ resources: ['secrets'] });
    expect(cluster.enabled_cluster_log_types).toEqual(['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']);
  });

  it('requires IMDSv2 (hop limit 1) and encrypted root volumes on every node', () => {
    const cluster = stackOf(env.name, 'cluster').json;
    const templates = ofType(cluster, 'aws_launch_template');
    expect(templates.map(([id]) => id).sort()).toEqual(env.eks.nodePools.map((p) => `launch_template_${p.name}`).sort());
    for (const [id, template] of templates) {
      expect(template.metadata_options, id).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 1 });
      expect(template.block_device_mappings, id).toMatchObject([{ ebs: { encrypted: 'true' } }]);
    }
    for (const [id, group] of ofType(cluster, 'aws_eks_node_group')) {
      expect(group.launch_template, id).toMatchObject({ id: ref('aws_launch_template', id.replace('node_group_', 'launch_template_')) });
    }
  });

  it('gives every IRSA role a trust pinned to exactly one service account and the STS audience', () => {
    const roles = own.flatMap((s) => ofType(s.json, 'aws_iam_role'));
    const irsa = roles.filter(([, r]) => (r.assume_role_policy as string).includes('AssumeRoleWithWebIdentity'));
    const subjects: Record<string, string> = {};
    for (const [id, role] of irsa) {
      const [statement, ...others] = JSON.parse(role.assume_role_policy as string).Statement;
      expect(others, id).toEqual([]);
      const condition = statement.Condition as Record<string, Record<string, string>>;
      expect(Object.keys(condition), id).toEqual(['StringEquals']);
      const entries = Object.entries(condition.StringEquals!);
      expect(entries.map(([key]) => key.replace(/^.*:/, '')).sort(), id).toEqual(['aud', 'sub']);
      expect(entries.find(([key]) => key.endsWith(':aud'))![1]).toBe('sts.amazonaws.com');
      subjects[role.name as string] = entries.find(([key]) => key.endsWith(':sub'))![1];
    }
    const expected: Record<string, string> = {};
    for (const [name, sa] of Object.entries(AWS_IDENTITIES)) {
      if (name === 'atlantis' && !env.hostsPlatformTooling) continue;
      expected[naming.irsaRoleName(env.name, name)] = `system:serviceaccount:${sa.namespace}:${sa.serviceAccount}`;
    }
    for (const service of env.services) {
      const sa = naming.serviceAccount(service.name);
      expected[naming.irsaRoleName(env.name, service.name)] = `system:serviceaccount:${sa.namespace}:${sa.serviceAccount}`;
    }
    expected[naming.irsaRoleName(env.name, 'vpc-cni')] = 'system:serviceaccount:kube-system:aws-node';
    expect(subjects).toEqual(expected);
  });

  it('encrypts the data stores at rest and in transit and authenticates with IAM', () => {
    const data = stackOf(env.name, 'data').json;
    const [[, postgres]] = ofType(data, 'aws_rds_cluster') as [[string, Record<string, unknown>]];
    expect(postgres).toMatchObject({ storage_encrypted: true, iam_database_authentication_enabled: true, manage_master_user_password: true });
    expect(postgres.master_password).toBeUndefined();
    const [[, redis]] = ofType(data, 'aws_elasticache_replication_group') as [[string, Record<string, unknown>]];
    expect(redis).toMatchObject({ at_rest_encryption_enabled: 'true', transit_encryption_enabled: true });
    const [[, kafka]] = ofType(data, 'aws_msk_cluster') as [[string, Record<string, unknown>]];
    expect(kafka).toMatchObject({
      client_authentication: { sasl: { iam: true }, unauthenticated: false },
      encryption_info: { encryption_in_transit: { client_broker: 'TLS', in_cluster: true } },
    });
  });

  it('keeps secret values out of Git: every secret version is computed, never a literal', () => {
    for (const s of own) {
      for (const [id, version] of ofType(s.json, 'aws_secretsmanager_secret_version')) {
        expect(version.secret_string, `${s.path} ${id}`).toMatch(/^\$\{[^}]+\}$/);
      }
      for (const [id, secret] of ofType(s.json, 'aws_secretsmanager_secret')) expect(secret.kms_key_id, id).toBeDefined();
    }
  });

  it('retains and encrypts every log group, named under the environment prefix or as AWS requires', () => {
    const allowed = [naming.eksControlPlaneLogGroup(env.name), naming.postgresLogGroup(env.name)];
    for (const [id, group] of own.flatMap((s) => ofType(s.json, 'aws_cloudwatch_log_group'))) {
      expect(group.kms_key_id, id).toBeDefined();
      expect(group.retention_in_days, id).toBeGreaterThan(0);
      const name = group.name as string;
      expect(name.startsWith(`${naming.logGroupPrefix(env.name)}/`) || allowed.includes(name), name).toBe(true);
    }
  });

  it('publishes ECR repositories with immutable tags, scan on push, KMS encryption and untagged images expired', () => {
    const repositories = ofType(stackOf(env.name, 'services').json, 'aws_ecr_repository');
    const lifecycles = ofType(stackOf(env.name, 'services').json, 'aws_ecr_lifecycle_policy');
    expect(lifecycles.map(([, l]) => l.repository).sort()).toEqual(repositories.map(([id]) => `\${aws_ecr_repository.${id}.name}`).sort());
    for (const [id, lifecycle] of lifecycles) {
      const rules = (JSON.parse(lifecycle.policy as string) as { rules: { selection: { tagStatus: string }; action: { type: string } }[] }).rules;
      expect(rules.filter((r) => r.action.type === 'expire').map((r) => r.selection.tagStatus), id).toEqual(['untagged']);
    }
    // One per service, and the platform's Kafka admin image (the kafka-topics Job).
    expect(repositories.map(([, r]) => r.name)).toEqual([...env.services.map((s) => s.name), kafkaAdminImage.repository].map(naming.ecrRepository));
    for (const [id, repository] of repositories) {
      expect(repository, id).toMatchObject({ image_tag_mutability: 'IMMUTABLE', image_scanning_configuration: { scan_on_push: true }, encryption_configuration: [{ encryption_type: 'KMS' }] });
    }
  });
});

describe('state and the stack graph', () => {
  const graph = new Map<string, readonly string[]>(TERRAFORM_STACKS.map((s) => [s.name, s.dependsOn]));

  it.each(stacks.filter((s) => s.stack !== 'bootstrap').map((s) => ({ name: `${s.env}/${s.stack}`, s })))(
    '$name: own state key with native locking, reads exactly its upstream stacks and only outputs they declare',
    ({ s }) => {
      const env = envOf(s.env);
      expect((s.json.terraform as { backend: unknown }).backend).toEqual({
        s3: {
          bucket: naming.stateBucket(env.aws.accountId),
          key: naming.stateKey(env.name, s.stack as never),
          region: env.aws.region,
          encrypt: true,
          kms_key_id: naming.stateKmsAlias,
          use_lockfile: true,
          assume_role: { role_arn: naming.roleArn(env.aws.accountId, env.aws.terraformRoleName) },
        },
      });
      const reads = Object.keys(s.json.data?.terraform_remote_state ?? {}).sort();
      expect(reads).toEqual([...graph.get(s.stack)!].sort());
      for (const [, upstream, output] of s.text.matchAll(/data\.terraform_remote_state\.([a-z_]+)\.outputs\.([a-z_]+)/g)) {
        expect(Object.keys(stackOf(s.env, upstream!).json.output ?? {}), `${s.path} reads ${upstream}.${output}`).toContain(output);
      }
    },
  );

  it('bootstrap: local state, the caller\'s own credentials, a bucket that Terraform never destroys', () => {
    for (const env of model.environments) {
      const json = stackOf(env.name, 'bootstrap').json;
      expect(json.terraform).not.toHaveProperty('backend');
      expect(json.provider?.aws?.[0]).not.toHaveProperty('assume_role');
      expect(json.resource?.aws_s3_bucket?.bucket_tfstate).toMatchObject({ bucket: naming.stateBucket(env.aws.accountId), lifecycle: { prevent_destroy: true } });
      expect(json.resource?.aws_kms_alias?.kms_alias_tfstate?.name).toBe(naming.stateKmsAlias);
    }
  });

  it('tags everything through the provider with environment, owner, cost center, managed-by and source', () => {
    for (const s of stacks) {
      const tags = (s.json.provider?.aws?.[0] as { default_tags: [{ tags: Record<string, string> }] }).default_tags[0].tags;
      expect(Object.keys(tags).sort(), s.path).toEqual(['cost-center', 'environment', 'managed-by', 'owner', 'source']);
    }
  });

  it('uses explicit, human snake_case ids for every resource, data source and output', () => {
    const ids = stacks.flatMap((s: GeneratedStack) => [
      ...resources(s.json).map(([, id]) => id),
      ...Object.values(s.json.data ?? {}).flatMap((byId) => Object.keys(byId)),
      ...Object.keys(s.json.output ?? {}),
    ]);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });
});
