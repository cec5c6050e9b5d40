/** A data store's security group: one port, reachable only from the cluster's security group; no egress. */
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import type { DataContext } from './context.js';

/** Creates `security_group_<id>` and `security_group_<id>_from_cluster`. */
export function storeSecurityGroup(ctx: DataContext, id: string, store: string, port: number): SecurityGroup {
  const name = `${ctx.prefix}-${store}`;
  const group = new SecurityGroup(ctx.stack, `security_group_${id}`, {
    name,
    description: `${store} clients: the cluster only`,
    vpcId: ctx.network.getString('vpc_id'),
    tags: { Name: name },
  });
  new VpcSecurityGroupIngressRule(ctx.stack, `security_group_${id}_from_cluster`, {
    securityGroupId: group.id,
    description: `${store} from the cluster's nodes and pods`,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
    referencedSecurityGroupId: ctx.cluster.getString('cluster_security_group_id'),
  });
  return group;
}
