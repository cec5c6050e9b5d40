/**
 * Line items of the generated Terraform: each priced resource type (billable-types.ts) read from
 * its attributes, at the prices of its stack's region (the stack's `provider.aws` region).
 */
import type { TerraformBlock, TerraformEnvironment, TerraformStack } from '../../policies/engine/terraform.js';
import { at, blocks, list, num, str } from '../../policies/engine/values.js';
import { ASSUMPTIONS } from './assumptions.js';
import { typeTreatment } from './billable-types.js';
import { lineItem, type LineItem, type Unpriced } from './line-item.js';
import { ec2Hour, missingRegionMessage, pricesFor, type RegionPrices } from './prices/index.js';

const H = ASSUMPTIONS.hoursPerMonth;

type Priced = LineItem | Unpriced;
export const isLineItem = (value: Priced): value is LineItem => 'monthlyUsd' in value;

/** The region of a stack's AWS provider (the first `aws` provider block). */
export function stackRegion(stack: TerraformStack): string | undefined {
  return str(blocks(at(stack.json, 'provider', 'aws'))[0]?.region);
}

/** The resource a `${<type>.<name>.<attr>}` reference names, in the same stack. */
function referenced(terraform: TerraformEnvironment, block: TerraformBlock, value: unknown): TerraformBlock | undefined {
  const match = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\./.exec(str(value) ?? '');
  return match ? terraform.resources(match[1]!).find((r) => r.stack === block.stack && r.name === match[2]) : undefined;
}

/** Root volume of a node group's nodes: its launch template's first EBS mapping, else `disk_size`, else EKS's 20 GiB. */
function nodeVolumeGb(terraform: TerraformEnvironment, group: TerraformBlock): number {
  const template = referenced(terraform, group, at(group.attrs, 'launch_template', 'id')) ?? referenced(terraform, group, blocks(group.attrs.launch_template)[0]?.id);
  const fromTemplate = template && num(blocks(blocks(template.attrs.block_device_mappings)[0]?.ebs)[0]?.volume_size);
  return fromTemplate ?? num(group.attrs.disk_size) ?? 20;
}

function nodeGroup(terraform: TerraformEnvironment, r: TerraformBlock, p: RegionPrices, where: string): Priced[] {
  const types = list(r.attrs.instance_types).flatMap((t) => str(t) ?? []);
  const type = types[0] ?? 't3.medium';
  const nodes = num(at(blocks(r.attrs.scaling_config)[0], 'desired_size')) ?? 0;
  const hour = ec2Hour(p, type);
  if (hour === undefined) return [{ resource: where, reason: `no on-demand price for ${type} in ${p.region}` }];
  const spot = r.attrs.capacity_type === 'SPOT';
  const unitUsd = hour * H * (spot ? p.spotShareOfOnDemand : 1);
  const others = types.length > 1 ? `; priced as ${type}, the first of ${types.join(', ')}` : '';
  const assumption = spot ? `spot at ${Math.round(p.spotShareOfOnDemand * 100)}% of on-demand${others}` : `desired size, on-demand${others}`;
  const volume = nodeVolumeGb(terraform, r);
  return [
    lineItem('Node groups', where, nodes, `${type} node`, unitUsd, assumption),
    lineItem('Node volumes', where, nodes * volume, 'GB-month gp3', p.ebs.gp3GbMonth, `${volume} GB root volume per node`),
  ];
}

function logGroup(r: TerraformBlock, p: RegionPrices, where: string): Priced[] {
  const retention = num(r.attrs.retention_in_days) ?? 3653;
  const ingested = ASSUMPTIONS.logGbIngestedPerGroupMonth;
  const stored = (ingested * retention) / 30;
  const assumption = `${ingested} GB ingested a month, kept ${retention} days`;
  return [
    lineItem('CloudWatch', `${where} (ingestion)`, ingested, 'GB ingested', p.cloudwatch.logsIngestedGb, assumption),
    lineItem('CloudWatch', `${where} (storage)`, Math.round(stored * 100) / 100, 'GB-month', p.cloudwatch.logsStoredGbMonth, assumption),
  ];
}

function byClass(table: Record<string, number>, type: string | undefined, p: RegionPrices, where: string, what: string): number | Unpriced {
  const hour = type === undefined ? undefined : table[type];
  return hour === undefined ? { resource: where, reason: `no ${what} price for ${type ?? '(no literal type)'} in ${p.region}` } : hour * H;
}

/** The line items of one resource; an Unpriced when a price is missing. */
function resourceItems(terraform: TerraformEnvironment, r: TerraformBlock, p: RegionPrices): Priced[] {
  const where = `${r.stack.name} ${r.address}`;
  const a = r.attrs;
  switch (r.type) {
    case 'aws_eks_cluster':
      return [lineItem('EKS control plane', where, 1, 'cluster', p.eks.clusterHour * H, 'standard support (extended support costs $0.60 an hour)')];
    case 'aws_eks_node_group':
      return nodeGroup(terraform, r, p, where);
    case 'aws_nat_gateway':
      return [lineItem('NAT gateways', where, 1, 'gateway', p.vpc.natGatewayHour * H, 'data processed not counted')];
    case 'aws_eip':
      return [lineItem('Public IPv4 addresses', where, 1, 'address', p.vpc.publicIpv4Hour * H)];
    case 'aws_vpc_endpoint': {
      if ((str(a.vpc_endpoint_type) ?? 'Gateway') !== 'Interface') return [];
      const zones = Math.max(1, list(a.subnet_ids).length);
      return [lineItem('Interface endpoints', where, zones, 'endpoint-AZ', p.vpc.interfaceEndpointAzHour * H, 'data processed not counted')];
    }
    case 'aws_lb': {
      const network = a.load_balancer_type === 'network';
      const [hour, lcu] = network ? [p.elb.nlbHour, p.elb.nlbLcuHour] : [p.elb.albHour, p.elb.albLcuHour];
      return [lineItem('Load balancers', where, 1, network ? 'NLB' : 'ALB', (hour + ASSUMPTIONS.lcuPerLoadBalancer * lcu) * H, `${ASSUMPTIONS.lcuPerLoadBalancer} capacity unit on average`)];
    }
    case 'aws_rds_cluster':
      return [
        lineItem('Aurora', `${where} (storage)`, ASSUMPTIONS.auroraStorageGb, 'GB-month', p.aurora.storageGbMonth, `${ASSUMPTIONS.auroraStorageGb} GB cluster volume`),
        lineItem('Aurora', `${where} (I/O)`, ASSUMPTIONS.auroraIoMillionsPerMonth, 'million I/O', p.aurora.ioPerMillion, `${ASSUMPTIONS.auroraIoMillionsPerMonth} million I/O requests a month`),
      ];
    case 'aws_rds_cluster_instance': {
      const unit = byClass(p.aurora.instanceHour, str(a.instance_class), p, where, 'Aurora instance');
      return typeof unit === 'number' ? [lineItem('Aurora', where, 1, str(a.instance_class)!, unit)] : [unit];
    }
    case 'aws_elasticache_replication_group': {
      const type = str(a.node_type);
      const groups = num(a.num_node_groups);
      const nodes = groups !== undefined ? groups * (1 + (num(a.replicas_per_node_group) ?? 0)) : (num(a.num_cache_clusters) ?? 1);
      const unit = byClass(p.elasticache.nodeHour, type, p, where, 'ElastiCache node');
      return typeof unit === 'number' ? [lineItem('ElastiCache', where, nodes, `${type} node`, unit)] : [unit];
    }
    case 'aws_msk_cluster': {
      const info = blocks(a.broker_node_group_info)[0];
      const type = str(info?.instance_type);
      const brokers = num(a.number_of_broker_nodes) ?? 0;
      const volume = num(at(blocks(at(info, 'storage_info'))[0], 'ebs_storage_info', 'volume_size')) ?? num(at(info, 'storage_info', 'ebs_storage_info', 'volume_size')) ?? 0;
      const unit = byClass(p.msk.brokerHour, type, p, where, 'MSK broker');
      if (typeof unit !== 'number') return [unit];
      return [
        lineItem('MSK', where, brokers, `${type} broker`, unit),
        lineItem('MSK', `${where} (storage)`, brokers * volume, 'GB-month', p.msk.storageGbMonth, `${volume} GB per broker`),
      ];
    }
    case 'aws_cloudwatch_log_group':
      return logGroup(r, p, where);
    case 'aws_cloudwatch_metric_alarm':
      return [lineItem('CloudWatch', where, 1, 'alarm', p.cloudwatch.alarmMonth)];
    case 'aws_s3_bucket':
      return [lineItem('S3', where, ASSUMPTIONS.s3GbPerBucket, 'GB-month', p.s3.standardGbMonth, `${ASSUMPTIONS.s3GbPerBucket} GB in S3 Standard`)];
    case 'aws_ecr_repository':
      return [lineItem('ECR', where, ASSUMPTIONS.ecrGbPerRepository, 'GB-month', p.ecr.storageGbMonth, `${ASSUMPTIONS.ecrGbPerRepository} GB of images`)];
    case 'aws_kms_key':
    case 'aws_kms_replica_key':
      return [lineItem('KMS', where, 1, 'key', p.kms.keyMonth, 'requests not counted')];
    case 'aws_secretsmanager_secret':
      return [lineItem('Secrets Manager', where, 1, 'secret', p.secretsManager.secretMonth, 'API calls not counted')];
    case 'aws_route53_zone':
      return [lineItem('Route 53', where, 1, 'hosted zone', p.route53.hostedZoneMonth, 'queries not counted')];
    default:
      return [];
  }
}

/** Every Terraform line item of an environment, and what could not be priced. */
export function terraformCosts(terraform: TerraformEnvironment): { items: LineItem[]; unpriced: Unpriced[]; regions: string[] } {
  const items: LineItem[] = [];
  const unpriced: Unpriced[] = [];
  const regions = new Set<string>();
  for (const r of terraform.resources()) {
    if (typeTreatment(r.type) !== 'priced') continue;
    const region = stackRegion(r.stack);
    const prices = region === undefined ? undefined : pricesFor(region);
    if (!prices) {
      unpriced.push({ resource: `${r.stack.name} ${r.address}`, reason: region === undefined ? 'its stack names no AWS provider region' : missingRegionMessage(region) });
      continue;
    }
    regions.add(prices.region);
    for (const entry of resourceItems(terraform, r, prices)) {
      if (isLineItem(entry)) items.push(entry);
      else unpriced.push(entry);
    }
  }
  return { items, unpriced, regions: [...regions].sort() };
}
