/**
 * The monthly cost estimate of one environment, from its generated documents alone (Terraform JSON
 * and Kubernetes YAML): pure, no model needed, so synth, `pnpm policies` on the committed files and
 * env-diff on any git revision compute the same figure from the same files.
 */
import type { FileContent } from '../document.js';
import { kubeObjects, type KubeObject } from '../../policies/engine/kubernetes.js';
import { TerraformEnvironment } from '../../policies/engine/terraform.js';
import { CHART_INGRESSES } from '../../policies/wiring/chart-facts.js';
import { typeTreatment, USAGE_BILLED_TYPES } from './billable-types.js';
import { kubernetesCosts } from './kubernetes-costs.js';
import { cents, COMPONENTS, type CostEstimate, type LineItem } from './line-item.js';
import { missingRegionMessage, pricesFor } from './prices/index.js';
import { stackRegion, terraformCosts } from './terraform-costs.js';
import { compareStrings } from '../sort.js';

export interface CostDocuments {
  terraform: TerraformEnvironment;
  kubernetes: readonly KubeObject[];
}

/**
 * Charts that render an Ingress from our values (policies/wiring/chart-facts.ts), whose Applications
 * can cost a load balancer, and the load-balancer controller's (it may set the default IngressClass).
 */
const INGRESS_CHARTS: ReadonlySet<string> = new Set([...CHART_INGRESSES.map((c) => c.chart), 'aws-load-balancer-controller']);
const NODE_KINDS: ReadonlySet<string> = new Set(['Ingress', 'IngressClass', 'NodePool', 'EC2NodeClass']);

/** Whether a Kubernetes document can cost money: the estimate reads nothing else. */
export function mayBePriced(document: unknown): boolean {
  const doc = document as { kind?: unknown; spec?: { type?: unknown; source?: { chart?: unknown }; sources?: { chart?: unknown }[] } } | null;
  if (NODE_KINDS.has(String(doc?.kind))) return true;
  if (doc?.kind === 'Service') return doc.spec?.type === 'LoadBalancer';
  if (doc?.kind === 'Application') return [doc.spec?.source, ...(Array.isArray(doc.spec?.sources) ? doc.spec.sources : [])].some((s) => INGRESS_CHARTS.has(String(s?.chart)));
  return false;
}

/** The same question of a file's text, before parsing it (the renderer writes `kind: X` and `type: X` on their own lines). */
export function mayHavePricedDocument(text: string): boolean {
  if (/^kind: (Ingress|IngressClass|NodePool|EC2NodeClass)\s*$/m.test(text)) return true;
  if (/^kind: Service\s*$/m.test(text) && /^\s+type: LoadBalancer\s*$/m.test(text)) return true;
  return /^kind: Application\s*$/m.test(text) && [...INGRESS_CHARTS].some((chart) => new RegExp(`^\\s+chart: ${chart}\\s*$`, 'm').test(text));
}

/** One environment's rendered files (as generators return them, or parsed back) as the estimate reads them. */
export function costDocuments(files: readonly { path: string; content: FileContent }[]): CostDocuments {
  const terraform = files.flatMap((f) => (f.content.format === 'json' && f.path.endsWith('.tf.json') ? [{ path: f.path, value: f.content.value }] : []));
  // Only the kinds it prices: parsing every object of an environment would cost more than the estimate.
  const yaml = files.flatMap((f) => (f.content.format === 'yaml' && f.content.documents.some(mayBePriced) ? [{ path: f.path, documents: f.content.documents.filter(mayBePriced) }] : []));
  return { terraform: new TerraformEnvironment(terraform), kubernetes: kubeObjects(yaml) };
}

const order = (a: LineItem, b: LineItem) => COMPONENTS.indexOf(a.component) - COMPONENTS.indexOf(b.component) || compareStrings(a.resource, b.resource);
const sum = (items: readonly LineItem[]) => cents(items.reduce((total, item) => total + item.monthlyUsd, 0));

export function estimateCost(documents: CostDocuments): CostEstimate {
  const fromTerraform = terraformCosts(documents.terraform);
  // Kubernetes objects run in the cluster's region: the stack with the EKS cluster, else the only region.
  const clusterStack = documents.terraform.resources('aws_eks_cluster')[0]?.stack;
  const clusterRegion = (clusterStack && stackRegion(clusterStack)) ?? fromTerraform.regions[0];
  const prices = clusterRegion === undefined ? undefined : pricesFor(clusterRegion);
  const fromKubernetes = prices ? kubernetesCosts(documents.kubernetes, prices) : { items: [], headroom: [], unpriced: [] };
  const unpriced = [...fromTerraform.unpriced, ...fromKubernetes.unpriced];
  if (!prices && clusterRegion !== undefined && documents.kubernetes.length > 0) {
    unpriced.push({ resource: 'Kubernetes load balancers and Karpenter node pools', reason: missingRegionMessage(clusterRegion) });
  }

  const types = new Map<string, number>();
  for (const r of documents.terraform.resources()) types.set(r.type, (types.get(r.type) ?? 0) + 1);
  const present = [...types.keys()].sort(compareStrings);

  const items = [...fromTerraform.items, ...fromKubernetes.items].sort(order);
  const headroom = [...fromKubernetes.headroom].sort(order);
  const monthlyUsd = sum(items);
  return {
    regions: [...new Set([...fromTerraform.regions, ...(prices ? [prices.region] : [])])].sort(compareStrings),
    items,
    headroom,
    unpriced: unpriced.sort((a, b) => compareStrings(a.resource, b.resource)),
    notCounted: present.filter((t) => typeTreatment(t) === 'usage').map((type) => ({ type, count: types.get(type)!, reason: USAGE_BILLED_TYPES[type]! })),
    unknownTypes: present.filter((t) => typeTreatment(t) === 'unknown'),
    monthlyUsd,
    ceilingUsd: cents(monthlyUsd + sum(headroom)),
  };
}

/** Totals per component, largest first (ties by component order). */
export function byComponent(items: readonly LineItem[]): { component: string; monthlyUsd: number }[] {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.component, (totals.get(item.component) ?? 0) + item.monthlyUsd);
  return [...totals]
    .map(([component, usd]) => ({ component, monthlyUsd: cents(usd) }))
    .sort((a, b) => b.monthlyUsd - a.monthlyUsd || COMPONENTS.indexOf(a.component as never) - COMPONENTS.indexOf(b.component as never));
}
