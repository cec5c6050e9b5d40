/**
 * The estimate on fixture documents, with figures worked out by hand from the eu-west-1 table:
 * one resource of each priced kind, a stack in a region without prices, an unclassified type, a
 * usage-billed type, an ALB Ingress and a Karpenter NodePool.
 */
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../document.js';
import { byComponent, costDocuments, estimateCost, mayBePriced, mayHavePricedDocument } from './estimate.js';
import { renderFile } from '../render.js';
import { monthlyDelta, usd } from './money.js';
import { costPage } from './page.js';
import { euWest1 } from './prices/eu-west-1.js';
import { ec2Hour, sizeFactor } from './prices/index.js';

const stack = (name: string, region: string, resource: Record<string, Record<string, unknown>>): Pick<GeneratedFile, 'path' | 'content'> => ({
  path: `generated/terraform/fixture/${name}/main.tf.json`,
  content: { format: 'json', value: { provider: { aws: [{ region }] }, resource } },
});
const yaml = (name: string, ...documents: unknown[]): Pick<GeneratedFile, 'path' | 'content'> => ({ path: `generated/kubernetes/fixture/app/${name}.yaml`, content: { format: 'yaml', documents } });

const files = [
  stack('cluster', 'eu-west-1', {
    aws_eks_cluster: { eks: { name: 'x' } },
    aws_launch_template: { lt_system: { block_device_mappings: [{ ebs: { volume_size: 50 } }] } },
    aws_eks_node_group: {
      system: { capacity_type: 'ON_DEMAND', instance_types: ['m6i.large'], scaling_config: { desired_size: 2, max_size: 3, min_size: 1 }, launch_template: { id: '${aws_launch_template.lt_system.id}' } },
      spot: { capacity_type: 'SPOT', instance_types: ['m7g.xlarge', 'm6g.xlarge'], scaling_config: { desired_size: 3, max_size: 6, min_size: 1 }, disk_size: 40 },
    },
    aws_cloudwatch_log_group: { logs: { retention_in_days: 30 } },
    aws_kms_key: { key: {} },
    aws_foo_bar: { mystery: {} },
  }),
  stack('network', 'eu-west-1', {
    aws_nat_gateway: { nat: {} },
    aws_eip: { ip: { domain: 'vpc' } },
    aws_vpc_endpoint: {
      sts: { vpc_endpoint_type: 'Interface', subnet_ids: ['a', 'b', 'c'] },
      s3: { vpc_endpoint_type: 'Gateway' },
    },
    aws_sqs_queue: { q: {} },
  }),
  stack('data', 'eu-west-1', {
    aws_rds_cluster: { pg: {} },
    aws_rds_cluster_instance: { pg_1: { instance_class: 'db.r6g.large' } },
    aws_elasticache_replication_group: { redis: { node_type: 'cache.r7g.large', num_cache_clusters: 2 } },
    aws_msk_cluster: { kafka: { number_of_broker_nodes: 3, broker_node_group_info: { instance_type: 'kafka.m5.large', storage_info: { ebs_storage_info: { volume_size: 250 } } } } },
    aws_s3_bucket: { raw: {} },
  }),
  stack('elsewhere', 'eu-north-1', { aws_kms_key: { far: {} } }),
  yaml('ingress', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'gw', namespace: 'apps' }, spec: { ingressClassName: 'alb', rules: [{ host: 'a.example' }] } }),
  yaml(
    'karpenter',
    {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: 'burst' },
      spec: {
        limits: { cpu: '16', memory: '64Gi' },
        template: {
          spec: {
            nodeClassRef: { name: 'burst' },
            requirements: [
              { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
              { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m6i'] },
              { key: 'karpenter.k8s.aws/instance-cpu', operator: 'Lt', values: ['5'] },
            ],
          },
        },
      },
    },
    { apiVersion: 'karpenter.k8s.aws/v1', kind: 'EC2NodeClass', metadata: { name: 'burst' }, spec: { blockDeviceMappings: [{ ebs: { volumeSize: '50Gi' } }] } },
  ),
];

const estimate = estimateCost(costDocuments(files));
const monthly = (resource: string) => estimate.items.find((i) => i.resource === resource)?.monthlyUsd;

describe('the monthly estimate of fixture documents (eu-west-1 prices, 730 hours)', () => {
  it.each([
    ['cluster aws_eks_cluster.eks', 73.0],
    ['cluster aws_eks_node_group.system', 156.22], // 2 × 0.107 × 730
    ['cluster aws_eks_node_group.spot', 159.78], // 3 × 0.1824 × 730 × 40% (spot), the first type
    ['network aws_nat_gateway.nat', 35.04],
    ['network aws_eip.ip', 3.65],
    ['network aws_vpc_endpoint.sts', 24.09], // 3 zones × 0.011 × 730
    ['data aws_rds_cluster_instance.pg_1', 208.05],
    ['data aws_rds_cluster.pg (storage)', 2.2],
    ['data aws_rds_cluster.pg (I/O)', 2.2],
    ['data aws_elasticache_replication_group.redis', 353.32], // 2 × 0.242 × 730
    ['data aws_msk_cluster.kafka', 499.32], // 3 × 0.228 × 730
    ['data aws_msk_cluster.kafka (storage)', 82.5], // 3 × 250 GB × 0.11
    ['cluster aws_cloudwatch_log_group.logs (ingestion)', 2.85], // 5 GB × 0.57
    ['cluster aws_cloudwatch_log_group.logs (storage)', 0.15], // 5 GB for 30 days × 0.03
    ['data aws_s3_bucket.raw', 1.15],
    ['cluster aws_kms_key.key', 1.0],
    ['Ingress/apps/gw', 24.24], // (0.0252 + 1 LCU × 0.008) × 730
  ])('%s: $%s', (resource, usd) => {
    expect(monthly(resource)).toBe(usd);
  });

  it('prices node volumes from the launch template, else disk_size', () => {
    const volumes = estimate.items.filter((i) => i.component === 'Node volumes').map((i) => [i.resource, i.quantity, i.monthlyUsd]);
    expect(volumes).toStrictEqual([
      ['cluster aws_eks_node_group.spot', 120, 10.56],
      ['cluster aws_eks_node_group.system', 100, 8.8],
    ]);
  });

  it('sums the items to the cent, and adds Karpenter headroom only to the ceiling', () => {
    expect(estimate.monthlyUsd).toBe(1648.12);
    expect(estimate.headroom.map((i) => [i.resource, i.quantity, i.unit, i.monthlyUsd])).toStrictEqual([
      ['NodePool/burst', 4, 'm6i.xlarge node', 624.88], // 16 vCPU as 4 × m6i.xlarge, 0.214 × 730
      ['NodePool/burst (volumes)', 200, 'GB-month gp3', 17.6],
    ]);
    expect(estimate.ceilingUsd).toBe(2290.6);
  });

  it('names what it cannot price, what is billed by usage only and what nobody classified', () => {
    expect(estimate.unpriced).toStrictEqual([{ resource: 'elsewhere aws_kms_key.far', reason: expect.stringMatching(/^no prices for region eu-north-1: add generators\/cost\/prices\/eu-north-1\.ts/) }]);
    expect(estimate.notCounted).toStrictEqual([{ type: 'aws_sqs_queue', count: 1, reason: 'billed per request' }]);
    expect(estimate.unknownTypes).toStrictEqual(['aws_foo_bar']);
    expect(estimate.regions).toStrictEqual(['eu-west-1']);
    expect(monthly('network aws_vpc_endpoint.s3')).toBeUndefined();
  });

  it('totals per component, largest first', () => {
    expect(byComponent(estimate.items).slice(0, 3)).toStrictEqual([
      { component: 'MSK', monthlyUsd: 581.82 },
      { component: 'ElastiCache', monthlyUsd: 353.32 },
      { component: 'Node groups', monthlyUsd: 316 },
    ]);
  });
});

describe('prices and money', () => {
  it('derives sizes from the large price by AWS normalization factors', () => {
    expect([sizeFactor('medium'), sizeFactor('large'), sizeFactor('xlarge'), sizeFactor('8xlarge'), sizeFactor('metal')]).toStrictEqual([0.5, 1, 2, 16, undefined]);
    expect(ec2Hour(euWest1, 'm6i.4xlarge')).toBeCloseTo(0.856, 10);
    expect(ec2Hour(euWest1, 'x9z.large')).toBeUndefined();
  });

  it('formats dollars without the locale', () => {
    expect([usd(1234.5), usd(0.3), usd(-12)]).toStrictEqual(['$1,234.50', '$0.30', '-$12.00']);
    expect([monthlyDelta(212.4), monthlyDelta(-1048.6), monthlyDelta(0.4)]).toStrictEqual(['+$212/mo', '-$1,049/mo', '±$0/mo']);
  });
});

describe('the cost page', () => {
  const page = costPage({ environment: 'fixture', budgetUsd: 1500, estimate });
  const lines = page.split('\n');

  it('opens with the total, the price table and the budget, over budget named', () => {
    expect(lines.slice(0, 7)).toStrictEqual([
      '# Cost estimate: fixture',
      '',
      "**$1,648.12 a month**, estimated from this environment's generated Terraform and Kubernetes objects at AWS on-demand list prices: `generators/cost/prices/eu-west-1.ts` (as published around November 2025).",
      '',
      'Budget (`budget.monthlyUsd`): $1,500.00 a month; the estimate is 110% of it — **over budget** (policy COST-001 warns).',
      'Karpenter may add up to $642.48 a month within its NodePool limits: at most $2,290.60 a month in all.',
      '',
    ]);
  });

  it('lists components, the largest contributors, what is not counted and what is not priced', () => {
    expect(page).toContain('| MSK | $581.82 | 35% |');
    expect(page).toContain('| **Total** | **$1,648.12** | 100% |');
    expect(page).toContain('| `data aws_msk_cluster.kafka` | MSK | $499.32 | 30% |');
    expect(page).toContain('- `aws_sqs_queue` (1): billed per request');
    expect(page).toContain('- `aws_foo_bar`: a resource type generators/cost/billable-types.ts does not classify');
  });
});

describe('which documents can cost money', () => {
  const application = (chart: string) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: chart }, spec: { source: { chart, helm: { valuesObject: {} } } } });
  const service = (type: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'n' }, spec: { type } });
  const documents = [
    ...files.flatMap((f) => (f.content.format === 'yaml' ? f.content.documents : [])),
    service('LoadBalancer'),
    service('ClusterIP'),
    application('atlantis'),
    application('loki'),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { kind: 'Ingress' } },
  ];

  it('reads Ingresses, NodePools, node classes, LoadBalancer Services and Applications of charts with an Ingress, nothing else', () => {
    expect(documents.map(mayBePriced)).toStrictEqual([true, true, true, true, false, true, false, false]);
  });

  it('answers the same from the rendered text, before parsing (as env-diff asks)', () => {
    const rendered = documents.map((doc) => renderFile({ path: 'x.yaml', environment: null, generator: 'test', sources: ['test'], content: { format: 'yaml', documents: [doc] } }));
    expect(rendered.map(mayHavePricedDocument)).toStrictEqual(documents.map(mayBePriced));
  });
});
