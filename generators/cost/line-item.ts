/** What the estimate is made of: one priced line per billable thing, in US dollars a month. */

/** Components in the order the cost pages list them. */
export const COMPONENTS = [
  'EKS control plane',
  'Node groups',
  'Node volumes',
  'NAT gateways',
  'Public IPv4 addresses',
  'Interface endpoints',
  'Load balancers',
  'Aurora',
  'ElastiCache',
  'MSK',
  'CloudWatch',
  'S3',
  'ECR',
  'KMS',
  'Secrets Manager',
  'Route 53',
  'Karpenter headroom',
] as const;
export type Component = (typeof COMPONENTS)[number];

export interface LineItem {
  component: Component;
  /** `<stack> <Terraform address>` or the Kubernetes `Kind/namespace/name`. */
  resource: string;
  quantity: number;
  /** What one unit is: `cluster`, `node`, `GB-month`, `broker` … (each for a month). */
  unit: string;
  /** USD per unit and month. */
  unitUsd: number;
  /** quantity × unitUsd, rounded to cents. */
  monthlyUsd: number;
  /** What the figure assumes beyond the generated output ('' when nothing). */
  assumption: string;
}

/** A billable thing the estimate could not price: no price in the region's table, or a value it cannot read. */
export interface Unpriced {
  resource: string;
  reason: string;
}

export interface CostEstimate {
  /** Regions the priced resources live in (from each Terraform stack's provider). */
  regions: string[];
  /** Everything that runs whatever the load: the estimate. */
  items: LineItem[];
  /** What Karpenter may add at most, on top of the estimate (not in `monthlyUsd`). */
  headroom: LineItem[];
  unpriced: Unpriced[];
  /** Resource types billed by usage only, present in the output, with why they are not counted. */
  notCounted: { type: string; count: number; reason: string }[];
  /** Terraform resource types nobody classified (billable-types.ts); the invariant keeps this empty. */
  unknownTypes: string[];
  /** Sum of the items, to the cent. */
  monthlyUsd: number;
  /** monthlyUsd plus all headroom: the most the environment can cost at these prices and assumptions. */
  ceilingUsd: number;
}

export const cents = (usd: number) => Math.round(usd * 100) / 100;

export function lineItem(component: Component, resource: string, quantity: number, unit: string, unitUsd: number, assumption = ''): LineItem {
  return { component, resource, quantity, unit, unitUsd, monthlyUsd: cents(quantity * unitUsd), assumption };
}
