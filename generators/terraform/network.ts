/**
 * Network stack: VPC over the environment's explicit zones with public, private and database
 * subnets, internet gateway, NAT (one, or one per zone), route tables, encrypted VPC flow logs,
 * an S3 gateway endpoint and interface endpoints for ECR, STS and Secrets Manager, and the
 * environment's DNS zones (public: its domain; private: the data endpoints' names) and the API
 * gateway's TLS certificate.
 */
import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate/index.js';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group/index.js';
import { Eip } from '@cdktf/provider-aws/lib/eip/index.js';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway/index.js';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway/index.js';
import { Route } from '@cdktf/provider-aws/lib/route/index.js';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table/index.js';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association/index.js';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record/index.js';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { Subnet } from '@cdktf/provider-aws/lib/subnet/index.js';
import { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import type { EnvironmentGenerator } from '../generator.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { assumeRoleByService, policyDocument } from './iam.js';
import { terraformId } from './irsa.js';
import { platformKey } from './kms.js';
import { createStack, outputs, stackFile } from './stack.js';

const GENERATOR = 'terraform/network';
const TIERS = ['public', 'private', 'database'] as const;
const INTERFACE_ENDPOINTS = ['ecr.api', 'ecr.dkr', 'sts', 'secretsmanager'] as const;

/** eu-west-1a → eu_west_1a: a zone as a Terraform name segment. */
const zoneId = terraformId;

export function networkStack(env: ResolvedEnvironment) {
  const ps = createStack(env, 'network', GENERATOR);
  const { stack } = ps;
  const prefix = naming.envPrefix(env.name);
  const cluster = naming.clusterName(env.name);
  const zones = env.aws.availabilityZones;

  const vpc = new Vpc(stack, 'vpc', {
    cidrBlock: env.network.vpcCidr,
    enableDnsHostnames: true,
    enableDnsSupport: true,
    tags: { Name: naming.vpcName(env.name) },
  });
  // Nothing may use the default security group: it keeps no rules.
  new DefaultSecurityGroup(stack, 'default_security_group', { vpcId: vpc.id, tags: { Name: `${prefix}-default-deny` } });

  const subnetTags = {
    public: { 'kubernetes.io/role/elb': '1' },
    private: { 'kubernetes.io/role/internal-elb': '1', [naming.karpenterDiscoveryTag]: cluster },
    database: {},
  } as const;
  const subnets = Object.fromEntries(
    TIERS.map((tier) => [
      tier,
      zones.map(
        (zone, i) =>
          new Subnet(stack, `subnet_${tier}_${zoneId(zone)}`, {
            vpcId: vpc.id,
            availabilityZone: zone,
            cidrBlock: env.network.subnets[tier][i]!,
            mapPublicIpOnLaunch: false,
            tags: { Name: `${prefix}-${tier}-${zone}`, tier, ...subnetTags[tier] },
          }),
      ),
    ]),
  ) as Record<(typeof TIERS)[number], Subnet[]>;

  const igw = new InternetGateway(stack, 'internet_gateway', { vpcId: vpc.id, tags: { Name: prefix } });
  const publicRoutes = new RouteTable(stack, 'route_table_public', { vpcId: vpc.id, tags: { Name: `${prefix}-public` } });
  new Route(stack, 'route_public_internet', { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
  subnets.public.forEach((subnet, i) =>
    new RouteTableAssociation(stack, `route_table_association_public_${zoneId(zones[i]!)}`, { subnetId: subnet.id, routeTableId: publicRoutes.id }),
  );

  const natZones = env.network.natGateways === 'single' ? zones.slice(0, 1) : zones;
  const nats = natZones.map((zone, i) => {
    const eip = new Eip(stack, `nat_eip_${zoneId(zone)}`, { domain: 'vpc', tags: { Name: `${prefix}-nat-${zone}` } });
    return new NatGateway(stack, `nat_gateway_${zoneId(zone)}`, {
      allocationId: eip.id,
      subnetId: subnets.public[i]!.id,
      tags: { Name: `${prefix}-${zone}` },
      dependsOn: [igw],
    });
  });

  const privateRouteTables = zones.map((zone, i) => {
    const table = new RouteTable(stack, `route_table_private_${zoneId(zone)}`, { vpcId: vpc.id, tags: { Name: `${prefix}-private-${zone}` } });
    const nat = nats[env.network.natGateways === 'single' ? 0 : i]!;
    new Route(stack, `route_private_nat_${zoneId(zone)}`, { routeTableId: table.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
    new RouteTableAssociation(stack, `route_table_association_private_${zoneId(zone)}`, { subnetId: subnets.private[i]!.id, routeTableId: table.id });
    return table;
  });
  // Database subnets have no route to the internet at all.
  const databaseRoutes = new RouteTable(stack, 'route_table_database', { vpcId: vpc.id, tags: { Name: `${prefix}-database` } });
  subnets.database.forEach((subnet, i) =>
    new RouteTableAssociation(stack, `route_table_association_database_${zoneId(zones[i]!)}`, { subnetId: subnet.id, routeTableId: databaseRoutes.id }),
  );

  // The environment's logs key, usable only by CloudWatch Logs of this account and region for the
  // environment's log groups: those under the prefix, and the EKS and Aurora ones whose names AWS fixes.
  const logGroupName = naming.logGroup(env.name, 'vpc-flow-logs');
  const logGroupArn = (name: string) => `arn:aws:logs:${env.aws.region}:${env.aws.accountId}:log-group:${name}`;
  const logsKey = platformKey(stack, 'logs', {
    accountId: env.aws.accountId,
    alias: naming.kmsAlias(env.name, 'logs'),
    description: `${prefix} CloudWatch Logs encryption`,
    grants: [
      {
        Sid: 'CloudWatchLogsUseKey',
        Effect: 'Allow',
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        Resource: '*',
        Principal: { Service: `logs.${env.aws.region}.amazonaws.com` },
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': [
              logGroupArn(`${naming.logGroupPrefix(env.name)}/*`),
              logGroupArn(naming.eksControlPlaneLogGroup(env.name)),
              logGroupArn(naming.postgresLogGroup(env.name)),
            ],
          },
        },
      },
    ],
  });
  const flowLogGroup = new CloudwatchLogGroup(stack, 'flow_log_group', {
    name: logGroupName,
    retentionInDays: env.network.flowLogRetentionDays,
    kmsKeyId: logsKey.arn,
  });
  const flowLogRole = new IamRole(stack, 'flow_log_role', {
    name: `${prefix}-vpc-flow-logs`,
    assumeRolePolicy: assumeRoleByService('vpc-flow-logs.amazonaws.com'),
  });
  new IamRolePolicy(stack, 'flow_log_role_policy', {
    name: 'write-flow-logs',
    role: flowLogRole.id,
    policy: policyDocument([
      {
        Sid: 'WriteFlowLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        Resource: [`${flowLogGroup.arn}:*`],
      },
    ]),
  });
  new FlowLog(stack, 'flow_log', {
    vpcId: vpc.id,
    trafficType: 'ALL',
    logDestinationType: 'cloud-watch-logs',
    logDestination: flowLogGroup.arn,
    iamRoleArn: flowLogRole.arn,
    maxAggregationInterval: 60,
  });

  // VPC endpoints: S3 through the route tables, the rest as private interfaces reachable on 443 from the VPC only.
  new VpcEndpoint(stack, 'vpc_endpoint_s3', {
    vpcId: vpc.id,
    serviceName: `com.amazonaws.${env.aws.region}.s3`,
    vpcEndpointType: 'Gateway',
    routeTableIds: [...privateRouteTables.map((t) => t.id), databaseRoutes.id],
    tags: { Name: `${prefix}-s3` },
  });
  const endpointSecurityGroup = new SecurityGroup(stack, 'security_group_endpoints', {
    name: `${prefix}-vpc-endpoints`,
    description: 'HTTPS from inside the VPC to AWS interface endpoints',
    vpcId: vpc.id,
    tags: { Name: `${prefix}-vpc-endpoints` },
  });
  new VpcSecurityGroupIngressRule(stack, 'security_group_endpoints_https_from_vpc', {
    securityGroupId: endpointSecurityGroup.id,
    description: 'HTTPS from the VPC',
    ipProtocol: 'tcp',
    fromPort: 443,
    toPort: 443,
    cidrIpv4: env.network.vpcCidr,
  });
  for (const service of INTERFACE_ENDPOINTS) {
    new VpcEndpoint(stack, `vpc_endpoint_${terraformId(service)}`, {
      vpcId: vpc.id,
      serviceName: `com.amazonaws.${env.aws.region}.${service}`,
      vpcEndpointType: 'Interface',
      privateDnsEnabled: true,
      subnetIds: subnets.private.map((s) => s.id),
      securityGroupIds: [endpointSecurityGroup.id],
      tags: { Name: `${prefix}-${service}` },
    });
  }

  // DNS: the public zone of the environment's domain (delegated to by hand from the parent zone) and
  // the private zone in which the data stack publishes the stable names of the data endpoints.
  const publicZone = new Route53Zone(stack, 'route53_zone_public', { name: env.domain, comment: `${prefix} public names` });
  const privateZone = new Route53Zone(stack, 'route53_zone_private', {
    name: naming.privateZone(env.name),
    comment: `${prefix} private names of the data endpoints`,
    vpc: [{ vpcId: vpc.id, vpcRegion: env.aws.region }],
  });

  // One certificate per public Ingress host (naming.publicHosts: the gateway's, Atlantis's where it
  // runs); the load balancer controller finds each by host name once ACM has issued it, which
  // happens as soon as the public zone is delegated (nothing waits for it here).
  const certificates = naming.publicHosts(env.domain, env.hostsPlatformTooling).map((host) => {
    const label = host.slice(0, host.indexOf('.'));
    const certificate = new AcmCertificate(stack, `acm_certificate_${label}`, {
      domainName: host,
      validationMethod: 'DNS',
      lifecycle: { createBeforeDestroy: true },
    });
    const validation = certificate.domainValidationOptions.get(0);
    new Route53Record(stack, `acm_validation_record_${label}`, {
      zoneId: publicZone.zoneId,
      name: validation.resourceRecordName,
      type: validation.resourceRecordType,
      records: [validation.resourceRecordValue],
      ttl: 300,
      allowOverwrite: true,
    });
    return { host, label, certificate };
  });

  outputs(stack, {
    vpc_id: { value: vpc.id, description: 'VPC id' },
    vpc_cidr: { value: vpc.cidrBlock, description: 'VPC CIDR' },
    availability_zones: { value: zones, description: 'Zones, in subnet order' },
    public_subnet_ids: { value: subnets.public.map((s) => s.id), description: 'Public subnets, in zone order' },
    private_subnet_ids: { value: subnets.private.map((s) => s.id), description: 'Private subnets, in zone order' },
    database_subnet_ids: { value: subnets.database.map((s) => s.id), description: 'Database subnets, in zone order' },
    private_route_table_ids: { value: privateRouteTables.map((t) => t.id), description: 'Private route tables, in zone order' },
    nat_gateway_ids: { value: nats.map((n) => n.id), description: 'NAT gateways, in zone order (alarms)' },
    logs_kms_key_arn: { value: logsKey.arn, description: 'KMS key for CloudWatch Logs of this environment' },
    public_zone_id: { value: publicZone.zoneId, description: `Route 53 zone of ${env.domain}` },
    private_zone_id: { value: privateZone.zoneId, description: `Private Route 53 zone ${naming.privateZone(env.name)}` },
    ...Object.fromEntries(certificates.map((c) => [`${c.label}_certificate_arn`, { value: c.certificate.arn, description: `ACM certificate of ${c.host}` }])),
  });
  return ps;
}

export const networkGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env) => [stackFile(networkStack(env), GENERATOR, [env.file, 'generators/terraform/network.ts'])],
};
