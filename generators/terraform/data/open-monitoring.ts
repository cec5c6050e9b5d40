/**
 * MSK open monitoring: the brokers' Prometheus exporters (JMX on 11001, node on 11002) may be
 * scraped from the cluster's security group (Prometheus runs in the cluster), nothing else.
 */
import type { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { naming } from '../../naming.js';
import type { DataContext } from './context.js';

export function openMonitoringAccess(ctx: DataContext, brokers: SecurityGroup): void {
  const { jmx, node } = naming.kafkaExporterPorts;
  new VpcSecurityGroupIngressRule(ctx.stack, 'security_group_kafka_exporters_from_cluster', {
    securityGroupId: brokers.id,
    description: 'MSK open monitoring (JMX and node exporters) from Prometheus in the cluster',
    ipProtocol: 'tcp',
    fromPort: Math.min(jmx, node),
    toPort: Math.max(jmx, node),
    referencedSecurityGroupId: ctx.cluster.getString('cluster_security_group_id'),
  });
}
