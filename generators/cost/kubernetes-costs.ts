/**
 * Line items of the generated Kubernetes objects: the load balancers the AWS Load Balancer
 * Controller creates for Ingresses (rendered ones and those charts render from our values) and for
 * Services of type LoadBalancer, and the most Karpenter may add (its NodePool limits).
 */
import type { KubeObject } from '../../policies/engine/kubernetes.js';
import { at, dict, list, num, str, strings } from '../../policies/engine/values.js';
import { ingressHosts } from '../../policies/wiring/ingress-hosts.js';
import { ASSUMPTIONS } from './assumptions.js';
import { lineItem, type LineItem, type Unpriced } from './line-item.js';
import { ec2Hour, type RegionPrices } from './prices/index.js';

const H = ASSUMPTIONS.hoursPerMonth;
const GROUP = 'alb.ingress.kubernetes.io/group.name';

/** One ALB per Ingress group (the `group.name` annotation), else per Ingress of class alb. */
function loadBalancers(kubernetes: readonly KubeObject[], p: RegionPrices): LineItem[] {
  const albs = new Map<string, string>();
  for (const host of ingressHosts(kubernetes)) {
    if (host.ingressClass !== 'alb') continue;
    const group = str(host.annotations[GROUP]);
    const key = group ? `IngressGroup/${group}` : host.resource;
    if (!albs.has(key)) albs.set(key, host.resource);
  }
  const lcu = ASSUMPTIONS.lcuPerLoadBalancer;
  const assumption = `${lcu} capacity unit on average`;
  const items = [...albs.keys()].sort().map((key) => lineItem('Load balancers', key, 1, 'ALB', (p.elb.albHour + lcu * p.elb.albLcuHour) * H, assumption));
  const nlbs = kubernetes.filter((o) => o.kind === 'Service' && at(o.object, 'spec', 'type') === 'LoadBalancer');
  return [...items, ...nlbs.map((o) => lineItem('Load balancers', o.resource, 1, 'NLB', (p.elb.nlbHour + lcu * p.elb.nlbLcuHour) * H, assumption))];
}

function requirement(pool: KubeObject, key: string, operator: string): string[] {
  return list(at(pool.object, 'spec', 'template', 'spec', 'requirements'))
    .map(dict)
    .filter((r) => r.key === key && r.operator === operator)
    .flatMap((r) => strings(r.values));
}

/** Kubernetes quantities of whole units or Gi: "50Gi" → 50. */
const gib = (value: unknown) => num(str(value)?.replace(/Gi$/, '') ?? value);

/**
 * What a NodePool may add at most: its CPU limit in nodes of its largest size, priced as the
 * dearest family it allows (spot at the table's share), with their root volumes.
 */
function headroom(kubernetes: readonly KubeObject[], pool: KubeObject, p: RegionPrices): (LineItem | Unpriced)[] {
  const cpu = num(at(pool.object, 'spec', 'limits', 'cpu'));
  if (cpu === undefined || cpu === 0) return [];
  const maxVcpus = Math.max(...requirement(pool, 'karpenter.k8s.aws/instance-cpu', 'Lt').map(Number)) - 1;
  const families = requirement(pool, 'karpenter.k8s.aws/instance-family', 'In');
  const spot = requirement(pool, 'karpenter.sh/capacity-type', 'In').every((t) => t === 'spot');
  const size = maxVcpus <= 2 ? 'large' : maxVcpus === 4 ? 'xlarge' : `${maxVcpus / 4}xlarge`;
  const priced = families.map((f) => ({ type: `${f}.${size}`, hour: ec2Hour(p, `${f}.${size}`) }));
  const missing = priced.find((x) => x.hour === undefined);
  if (!Number.isFinite(maxVcpus) || maxVcpus < 2 || families.length === 0) return [{ resource: pool.resource, reason: 'its requirements name no instance family and CPU range' }];
  if (missing) return [{ resource: pool.resource, reason: `no on-demand price for ${missing.type} in ${p.region}` }];
  const dearest = priced.reduce((a, b) => (b.hour! > a.hour! ? b : a));
  const nodes = Math.floor(cpu / maxVcpus);
  const share = spot ? p.spotShareOfOnDemand : 1;
  const className = str(at(pool.object, 'spec', 'template', 'spec', 'nodeClassRef', 'name'));
  const nodeClass = kubernetes.find((o) => o.kind === 'EC2NodeClass' && o.name === className);
  const volume = gib(at(list(at(nodeClass?.object, 'spec', 'blockDeviceMappings'))[0], 'ebs', 'volumeSize')) ?? 20;
  const how = `its limit of ${cpu} vCPU as ${nodes} × ${dearest.type}${spot ? `, spot at ${Math.round(share * 100)}% of on-demand` : ', on-demand'}`;
  return [
    lineItem('Karpenter headroom', pool.resource, nodes, `${dearest.type} node`, dearest.hour! * H * share, how),
    lineItem('Karpenter headroom', `${pool.resource} (volumes)`, nodes * volume, 'GB-month gp3', p.ebs.gp3GbMonth, `${volume} GB root volume per node`),
  ];
}

export function kubernetesCosts(kubernetes: readonly KubeObject[], p: RegionPrices): { items: LineItem[]; headroom: LineItem[]; unpriced: Unpriced[] } {
  const pools = kubernetes.filter((o) => o.kind === 'NodePool' && o.apiVersion.startsWith('karpenter.sh/'));
  const extra = pools.flatMap((pool) => headroom(kubernetes, pool, p));
  return {
    items: loadBalancers(kubernetes, p),
    headroom: extra.filter((e): e is LineItem => 'monthlyUsd' in e),
    unpriced: extra.filter((e): e is Unpriced => !('monthlyUsd' in e)),
  };
}
