/**
 * A Terraform fixture built with the real cdktf constructs and the shared `createStack` (provider
 * default tags, backend), so the rules are proven against the exact JSON cdktf emits: blocks as
 * objects or lists, `${jsonencode(...)}` policies, references. The stack is the kind of data and
 * cluster infrastructure the other stacks will hold, done right; tests derive failing variants by
 * changing one attribute of the JSON.
 */
import { Fn, TerraformOutput } from 'cdktf';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon/index.js';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster/index.js';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group/index.js';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group/index.js';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template/index.js';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster/index.js';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster/index.js';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance/index.js';
import { RdsClusterParameterGroup } from '@cdktf/provider-aws/lib/rds-cluster-parameter-group/index.js';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version/index.js';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';

import type { GeneratedFile } from '../../generators/document.js';
import type { ResolvedEnvironment } from '../../generators/model/types.js';
import { naming } from '../../generators/naming.js';
import { assumeRoleByService, keyPolicy, policyDocument } from '../../generators/terraform/iam.js';
import { createStack, remoteState, stackFile } from '../../generators/terraform/stack.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import type { PolicyFile } from '../engine/documents.js';

/** Fixtures are mutated freely in tests; `any` keeps the mutations short. */
export type Json = Record<string, any>;

export function environment(name: string): ResolvedEnvironment {
  return loadRepositoryModel().environments.find((e) => e.name === name)!;
}

/** generated/terraform/<env>/data/main.tf.json: a compliant data and compute stack. */
export function compliantDataStack(envName: string = 'prod'): GeneratedFile {
  const env = environment(envName);
  const generator = 'terraform/data';
  const ps = createStack(env, 'data', generator);
  const { stack } = ps;
  const network = remoteState(ps, 'network');

  const key = new KmsKey(stack, 'kms_key_data', { description: 'data', enableKeyRotation: true, policy: keyPolicy(env.aws.accountId, []) });

  const bucket = new S3Bucket(stack, 'bucket_raw', { bucket: `platform-${env.name}-raw-${env.aws.accountId}` });
  new S3BucketServerSideEncryptionConfigurationA(stack, 'bucket_raw_encryption', {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
  });
  new S3BucketPublicAccessBlock(stack, 'bucket_raw_public_access', {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketPolicy(stack, 'bucket_raw_policy', {
    bucket: bucket.id,
    policy: policyDocument([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Action: ['s3:*'],
        Resource: [bucket.arn, `${bucket.arn}/*`],
        Principal: { AWS: '*' },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]),
  });

  const parameters = new RdsClusterParameterGroup(stack, 'postgres_parameters', {
    name: `platform-${env.name}-postgres16`,
    family: 'aurora-postgresql16',
    parameter: [{ name: 'rds.force_ssl', value: '1' }],
  });
  const cluster = new RdsCluster(stack, 'postgres', {
    clusterIdentifier: `platform-${env.name}`,
    engine: 'aurora-postgresql',
    engineVersion: env.database.engineVersion,
    storageEncrypted: true,
    kmsKeyId: key.arn,
    deletionProtection: true,
    backupRetentionPeriod: 30,
    dbClusterParameterGroupName: parameters.name,
    iamDatabaseAuthenticationEnabled: true,
    manageMasterUserPassword: true,
    masterUsername: 'platform_admin',
  });
  for (const i of [1, 2]) {
    new RdsClusterInstance(stack, `postgres_${i}`, { clusterIdentifier: cluster.id, instanceClass: 'db.r6g.large', engine: 'aurora-postgresql', publiclyAccessible: false });
  }

  const redis = new ElasticacheReplicationGroup(stack, 'redis', {
    replicationGroupId: `platform-${env.name}`,
    description: 'redis',
    engine: 'redis',
    nodeType: 'cache.r7g.large',
    numCacheClusters: 2,
    atRestEncryptionEnabled: 'true',
    kmsKeyId: key.arn,
    transitEncryptionEnabled: true,
    multiAzEnabled: true,
    automaticFailoverEnabled: true,
    snapshotRetentionLimit: 14,
  });

  // The endpoint names TLS clients connect by, for pods through Secrets Manager (WIRE-004).
  const endpoints = { postgres: cluster.endpoint, 'postgres-reader': cluster.readerEndpoint, redis: redis.primaryEndpointAddress } as const;
  for (const [store, value] of Object.entries(endpoints)) {
    const id = `endpoint_${store.replace('-', '_')}`;
    const secret = new SecretsmanagerSecret(stack, id, { name: naming.endpointSecret(env.name, store as keyof typeof endpoints), kmsKeyId: key.arn });
    new SecretsmanagerSecretVersion(stack, `${id}_value`, { secretId: secret.id, secretString: value });
  }

  new MskCluster(stack, 'kafka', {
    clusterName: `platform-${env.name}`,
    kafkaVersion: '3.6.0',
    numberOfBrokerNodes: 3,
    brokerNodeGroupInfo: {
      instanceType: 'kafka.m5.large',
      clientSubnets: network.getList('database_subnet_ids'),
      securityGroups: ['sg-kafka'],
      storageInfo: { ebsStorageInfo: { volumeSize: 100 } },
    },
    encryptionInfo: { encryptionAtRestKmsKeyArn: key.arn, encryptionInTransit: { clientBroker: 'TLS', inCluster: true } },
  });

  const vpc = new Vpc(stack, 'vpc', { cidrBlock: '10.99.0.0/16' });
  new FlowLog(stack, 'flow_log', { vpcId: vpc.id, trafficType: 'ALL', logDestination: 'arn:aws:logs:eu-west-1:1:log-group:x' });

  const clusterRole = new IamRole(stack, 'cluster_role', { name: `platform-${env.name}-eks`, assumeRolePolicy: assumeRoleByService('eks.amazonaws.com') });
  // The jsonencode form (HCL inside the string, bare references); the other policies are JSON strings.
  new IamRolePolicy(stack, 'cluster_role_policy', {
    role: clusterRole.id,
    policy: Fn.jsonencode({ Version: '2012-10-17', Statement: [{ Sid: 'ReadBucket', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [bucket.arn, `${bucket.arn}/*`] }] }),
  });
  const eks = new EksCluster(stack, 'eks', {
    name: `platform-${env.name}`,
    roleArn: clusterRole.arn,
    vpcConfig: { subnetIds: network.getList('private_subnet_ids') },
    encryptionConfig: { provider: { keyArn: key.arn }, resources: ['secrets'] },
  });
  // NetworkPolicies are enforced (K8S-020).
  new EksAddon(stack, 'vpc_cni', { clusterName: eks.name, addonName: 'vpc-cni', configurationValues: JSON.stringify({ enableNetworkPolicy: 'true' }) });
  const template = new LaunchTemplate(stack, 'nodes_apps', {
    blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true', kmsKeyId: key.arn, volumeSize: 100 } }],
    tagSpecifications: ['instance', 'volume'].map((resourceType) => ({ resourceType, tags: ps.defaultTags })),
  });
  new EksNodeGroup(stack, 'node_group_apps', {
    clusterName: eks.name,
    nodeGroupName: 'apps',
    nodeRoleArn: clusterRole.arn,
    subnetIds: network.getList('private_subnet_ids'),
    scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 6 },
    launchTemplate: { id: template.id, version: '$Latest' },
  });

  const nodes = new SecurityGroup(stack, 'security_group_nodes', { name: 'nodes', vpcId: vpc.id });
  new VpcSecurityGroupIngressRule(stack, 'nodes_from_vpc', { securityGroupId: nodes.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '10.99.0.0/16' });
  // The public load balancers' group (the AWS Load Balancer Controller attaches it): HTTPS from anywhere is fine here.
  const albGroup = new SecurityGroup(stack, 'security_group_alb', { name: 'alb', vpcId: vpc.id, tags: { purpose: 'load-balancer' } });
  new VpcSecurityGroupIngressRule(stack, 'alb_https', { securityGroupId: albGroup.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0' });

  new TerraformOutput(stack, 'bucket_arn', { value: bucket.arn });
  return stackFile(ps, generator, [env.file]);
}

/** A deep copy of a Terraform file with its JSON changed by `change`. */
export function changed(file: GeneratedFile, change: (json: Json) => void): PolicyFile {
  if (file.content.format !== 'json') throw new Error('not a JSON file');
  const json = structuredClone(file.content.value) as Json;
  change(json);
  return { ...file, content: { format: 'json', value: json } };
}

/** A Terraform JSON file written by hand (for shapes the fixture stack does not have). */
export function stackJson(envName: string, stack: string, json: Json): PolicyFile {
  return { path: `generated/terraform/${envName}/${stack}/main.tf.json`, environment: envName, content: { format: 'json', value: json } };
}
