/**
 * The cost estimate of the real repository, by invariants that hold for any valid repository: every
 * Terraform resource type in the output is classified (priced, usage-billed or free), every priced
 * resource has a line item, nothing is left unpriced, the model's node pools, data stores and
 * NAT gateways are all in it, and every environment has its cost page with the same total.
 */
import { describe, expect, it } from 'vitest';
import { costDocuments, estimateCost } from '../../generators/cost/estimate.js';
import { costPagePath } from '../../generators/cost/generator.js';
import { usd } from '../../generators/cost/money.js';
import { typeTreatment } from '../../generators/cost/billable-types.js';
import { environmentFiles } from '../../generators/pipeline.js';
import { repositoryOutput } from '../support/repository-output.js';

const { model, files } = await repositoryOutput();
const environments = model.environments.map((env) => {
  const documents = costDocuments(environmentFiles(files, env.name));
  return { env, documents, estimate: estimateCost(documents) };
});

describe.each(environments.map((e) => [e.env.name, e] as const))('the cost estimate of %s', (_, { env, documents, estimate }) => {
  it('classifies every Terraform resource type the generators emit (billable-types.ts) and prices everything billable', () => {
    expect(estimate.unknownTypes).toStrictEqual([]);
    expect(estimate.unpriced).toStrictEqual([]);
    expect(estimate.regions).toStrictEqual([env.aws.region]);
  });

  it('has a line item for every resource of a priced type (Gateway endpoints are free)', () => {
    const priced = documents.terraform.resources().filter((r) => typeTreatment(r.type) === 'priced' && r.attrs.vpc_endpoint_type !== 'Gateway');
    const missing = priced.map((r) => `${r.stack.name} ${r.address}`).filter((id) => !estimate.items.some((i) => i.resource === id || i.resource.startsWith(`${id} (`)));
    expect(missing).toStrictEqual([]);
  });

  it("counts the model's node pools at their desired size, its database instances, cache nodes and brokers", () => {
    const quantity = (component: string) => estimate.items.filter((i) => i.component === component && !i.resource.includes(' (')).reduce((n, i) => n + i.quantity, 0);
    expect(quantity('Node groups')).toBe(env.eks.nodePools.reduce((n, p) => n + p.desiredSize, 0));
    expect(estimate.items.filter((i) => i.component === 'Aurora' && i.unit === env.database.instanceClass)).toHaveLength(env.database.instances);
    expect(quantity('ElastiCache')).toBe(env.cache.nodes);
    expect(quantity('MSK')).toBe(env.kafka.brokersPerAz * env.aws.availabilityZones.length);
    expect(quantity('NAT gateways')).toBe(env.network.natGateways === 'single' ? 1 : env.aws.availabilityZones.length);
    expect(quantity('EKS control plane')).toBe(1);
  });

  it('sums its line items, and Karpenter headroom only raises the ceiling', () => {
    const total = Math.round(estimate.items.reduce((sum, i) => sum + i.monthlyUsd, 0) * 100) / 100;
    expect(estimate.monthlyUsd).toBe(total);
    expect(estimate.monthlyUsd).toBeGreaterThan(0);
    expect(estimate.ceilingUsd).toBeGreaterThanOrEqual(estimate.monthlyUsd);
    const headroomPools = new Set(estimate.headroom.map((i) => i.resource.replace(/ \(volumes\)$/, '')));
    // Every Karpenter NodePool of the output that may add capacity (a CPU limit above zero).
    const poolsWithHeadroom = documents.kubernetes.filter((o) => o.kind === 'NodePool' && Number((o.object.spec as { limits?: { cpu?: string } })?.limits?.cpu ?? 0) > 0).map((o) => o.resource);
    expect([...headroomPools].sort()).toStrictEqual(poolsWithHeadroom.sort());
  });

  it('has its cost page, generated from the same documents, with the same total and budget', () => {
    const page = files.find((f) => f.path === costPagePath(env.name));
    expect(page?.content.format).toBe('markdown');
    const text = page!.content.format === 'markdown' ? page!.content.text : '';
    expect(text).toContain(`**${usd(estimate.monthlyUsd)} a month**`);
    expect(text).toContain(`Budget (\`budget.monthlyUsd\`): ${usd(env.budget.monthlyUsd)} a month`);
  });
});
