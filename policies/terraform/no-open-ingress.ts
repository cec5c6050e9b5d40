/** TF-005: no security group admits the whole internet, except HTTP(S) to load balancers. */
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';
import type { Finding, Rule } from '../engine/types.js';
import { at, blocks, num, str, strings, type Dict } from '../engine/values.js';
import { blockFinding } from './finding.js';

const OPEN = ['0.0.0.0/0', '::/0'];
const WEB_PORTS = [80, 443];
const LOAD_BALANCER_TYPES = ['aws_lb', 'aws_alb', 'aws_elb'];
/** Tag that marks a security group made for load balancers the AWS Load Balancer Controller creates (not in Terraform). */
export const LOAD_BALANCER_TAG = { key: 'purpose', value: 'load-balancer' } as const;

interface IngressRule {
  block: TerraformBlock;
  cidrs: string[];
  protocol: string;
  from: number | undefined;
  to: number | undefined;
  /** The security group the rule belongs to (the block itself for inline rules). */
  group: unknown;
}

function ingressRules(tf: TerraformEnvironment): IngressRule[] {
  const rule = (block: TerraformBlock, r: Dict, cidrs: string[], group: unknown): IngressRule => ({
    block,
    cidrs,
    protocol: String(r.protocol ?? r.ip_protocol ?? ''),
    from: num(r.from_port),
    to: num(r.to_port),
    group,
  });
  return [
    ...tf
      .resources('aws_security_group')
      .flatMap((sg) => blocks(sg.attrs.ingress).map((r) => rule(sg, r, [...strings(r.cidr_blocks), ...strings(r.ipv6_cidr_blocks)], `\${${sg.address}.id}`))),
    ...tf
      .resources('aws_security_group_rule')
      .filter((r) => r.attrs.type === 'ingress')
      .map((r) => rule(r, r.attrs, [...strings(r.attrs.cidr_blocks), ...strings(r.attrs.ipv6_cidr_blocks)], r.attrs.security_group_id)),
    ...tf
      .resources('aws_vpc_security_group_ingress_rule')
      .map((r) => rule(r, r.attrs, [str(r.attrs.cidr_ipv4), str(r.attrs.cidr_ipv6)].filter((c): c is string => c !== undefined), r.attrs.security_group_id)),
  ];
}

/** A security group a load balancer of the environment uses, or one tagged for the load balancer controller. */
function isLoadBalancerGroup(tf: TerraformEnvironment, rule: IngressRule): boolean {
  const groups = tf.designated(rule.group, rule.block.stack, tf.resources('aws_security_group'));
  return groups.some(
    (sg) =>
      at(sg.attrs, 'tags', LOAD_BALANCER_TAG.key) === LOAD_BALANCER_TAG.value ||
      tf.resources(...LOAD_BALANCER_TYPES).some((lb) => tf.refersTo(lb.attrs.security_groups, lb.stack, sg)),
  );
}

const isWebPort = (r: IngressRule) => ['tcp', '6'].includes(r.protocol) && r.from !== undefined && r.from === r.to && WEB_PORTS.includes(r.from);

export const noOpenIngress: Rule = {
  id: 'TF-005',
  severity: 'error',
  area: 'terraform',
  title: 'No ingress from 0.0.0.0/0 except 80/443 on load balancers',
  checks: `No security group ingress (inline, \`aws_security_group_rule\` or \`aws_vpc_security_group_ingress_rule\`) allows 0.0.0.0/0 or ::/0, except TCP 80 or 443 into a security group that an \`aws_lb\` uses or that is tagged \`${LOAD_BALANCER_TAG.key} = ${LOAD_BALANCER_TAG.value}\`.`,
  why: 'Anything listening behind an open rule is scanned within minutes; only the load balancers are meant to face the internet, and only on the web ports.',
  fix: 'Narrow the source to the VPC CIDR or a source security group; for a public load balancer, open only 80/443 on its own security group.',
  check: ({ terraform }) =>
    ingressRules(terraform)
      .filter((r) => r.cidrs.some((c) => OPEN.includes(c)))
      .filter((r) => !(isWebPort(r) && isLoadBalancerGroup(terraform, r)))
      .map((r): Finding => {
        const ports = r.from === undefined ? 'all ports' : r.from === r.to ? `port ${r.from}` : `ports ${r.from}-${r.to}`;
        return blockFinding(r.block, `ingress from ${r.cidrs.filter((c) => OPEN.includes(c)).join(', ')} on ${ports} (protocol ${r.protocol || 'unset'})`);
      }),
};
