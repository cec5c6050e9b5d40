/**
 * What the traffic check reads from the environment's Terraform: whether the VPC CNI enforces
 * NetworkPolicies, and the address ranges flows come from or go to (pod subnets, the control plane's
 * subnets, the load balancers' subnets, the data stores' subnets, VPC endpoints).
 */
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';
import { at, blocks, dict, isDict, isTrue, str } from '../engine/values.js';
import { cidrs, PUBLIC_INTERNET, union, type AddressSet } from './addresses.js';

const SUBNET_REFERENCE = /\baws_subnet\.([A-Za-z_][\w-]*)\.id\b/g;

export interface Topology {
  /** vpc-cni configured with `enableNetworkPolicy: "true"`. */
  enforced: boolean;
  /** Why not, for the message. */
  enforcementProblem?: string;
  vpc: AddressSet;
  /** Where pods get their addresses: node group subnets and the subnets Karpenter discovers. */
  podSubnets: AddressSet;
  /** Where the EKS control plane's network interfaces are (API server, webhook calls). */
  controlPlaneSubnets: AddressSet;
  /** Subnets of internet-facing / internal load balancers (the AWS Load Balancer Controller's subnet discovery tags). */
  publicLoadBalancerSubnets: AddressSet;
  internalLoadBalancerSubnets: AddressSet;
  /** Subnets of the database, cache and Kafka subnet groups. */
  dataStoreSubnets: AddressSet;
  /** Where the regional endpoint of an AWS service answers from inside the VPC. */
  awsService: (service: string) => AddressSet;
}

/** The CIDRs of the aws_subnet blocks a value refers to, through remote state if need be. */
function subnetsOf(terraform: TerraformEnvironment, value: unknown, block: TerraformBlock): AddressSet {
  const subnets = terraform.resources('aws_subnet');
  const found: string[] = [];
  for (const { text, stack } of terraform.expand(value, block.stack)) {
    for (const [, name] of text.matchAll(SUBNET_REFERENCE)) {
      const subnet = subnets.find((s) => s.stack === stack && s.name === name);
      const cidr = str(subnet?.attrs.cidr_block);
      if (cidr) found.push(cidr);
    }
  }
  return cidrs(found);
}

function enforcement(terraform: TerraformEnvironment): { enforced: boolean; problem?: string } {
  const cni = terraform.resources('aws_eks_addon').find((a) => a.attrs.addon_name === 'vpc-cni');
  if (!cni) return { enforced: false, problem: 'no aws_eks_addon "vpc-cni" configures the CNI' };
  let values: unknown;
  try {
    values = JSON.parse(str(cni.attrs.configuration_values) ?? '{}');
  } catch {
    return { enforced: false, problem: `configuration_values of ${cni.address} is not JSON` };
  }
  if (isTrue(at(values, 'enableNetworkPolicy'))) return { enforced: true };
  return { enforced: false, problem: `${cni.address} does not set enableNetworkPolicy to "true" in configuration_values (off by default)` };
}

const tagged = (terraform: TerraformEnvironment, tag: string) =>
  cidrs(
    terraform
      .resources('aws_subnet')
      .filter((s) => dict(s.attrs.tags)[tag] !== undefined)
      .flatMap((s) => (str(s.attrs.cidr_block) ? [str(s.attrs.cidr_block)!] : [])),
  );

export function topology(terraform: TerraformEnvironment): Topology {
  const vpc = cidrs(terraform.resources('aws_vpc').flatMap((v) => (str(v.attrs.cidr_block) ? [str(v.attrs.cidr_block)!] : [])));
  const nodeSubnets = terraform.resources('aws_eks_node_group').map((g) => subnetsOf(terraform, g.attrs.subnet_ids, g));
  const podSubnets = union(...nodeSubnets, tagged(terraform, 'karpenter.sh/discovery'));
  const controlPlane = union(
    ...terraform.resources('aws_eks_cluster').flatMap((c) => blocks(c.attrs.vpc_config).map((v) => subnetsOf(terraform, v.subnet_ids, c))),
  );
  const dataStores = union(
    ...terraform.resources('aws_db_subnet_group', 'aws_elasticache_subnet_group').map((g) => subnetsOf(terraform, g.attrs.subnet_ids, g)),
    ...terraform.resources('aws_msk_cluster').flatMap((m) => blocks(m.attrs.broker_node_group_info).map((b) => subnetsOf(terraform, b.client_subnets, m))),
  );
  const endpoints = terraform.resources('aws_vpc_endpoint');
  const { enforced, problem } = enforcement(terraform);
  const awsServices = new Map<string, AddressSet>();
  return {
    enforced,
    ...(problem ? { enforcementProblem: problem } : {}),
    vpc,
    // Without node groups or discovery tags, a pod may have any address of the VPC.
    podSubnets: podSubnets.length > 0 ? podSubnets : vpc,
    controlPlaneSubnets: controlPlane.length > 0 ? controlPlane : vpc,
    publicLoadBalancerSubnets: tagged(terraform, 'kubernetes.io/role/elb'),
    internalLoadBalancerSubnets: tagged(terraform, 'kubernetes.io/role/internal-elb'),
    dataStoreSubnets: dataStores,
    awsService: (service) => {
      // Asked once per pod that uses the service: answered once per service.
      let addresses = awsServices.get(service);
      if (addresses) return addresses;
      // An interface endpoint with private DNS answers for the service from its subnets; otherwise
      // (gateway endpoints use public prefixes, no endpoint goes through NAT) the public address space.
      const endpoint = endpoints.find(
        (e) => str(e.attrs.service_name)?.endsWith(`.${service}`) && e.attrs.vpc_endpoint_type === 'Interface' && isTrue(e.attrs.private_dns_enabled),
      );
      addresses = endpoint && isDict(endpoint.attrs) ? subnetsOf(terraform, endpoint.attrs.subnet_ids, endpoint) : PUBLIC_INTERNET;
      awsServices.set(service, addresses);
      return addresses;
    },
  };
}
