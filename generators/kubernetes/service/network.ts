/**
 * The service's NetworkPolicy, derived from declarations only (the namespace already denies
 * everything else and allows DNS, tracing and Prometheus scraping):
 *  - ingress from each service that `calls` it, and for the gateway from the load balancer's subnets;
 *  - egress to each service it `calls`, to PostgreSQL / Redis / Kafka in the database subnets when
 *    it declares them, and to AWS APIs over HTTPS when it needs them (S3 for buckets anywhere;
 *    otherwise STS through its VPC endpoint in the private subnets, for IRSA credentials).
 */
import type { Construct } from 'constructs';
import { k8s } from 'cdk8s-plus-27';
import { naming } from '../../naming.js';
import { selectorLabels } from '../labels.js';
import { ANYWHERE, cidrPeers, networkPolicy, podPeer, tcp } from '../network-policy.js';
import { callersOf, findService, type ServiceContext } from './context.js';

const HTTPS = 443;

function ingressRules(ctx: ServiceContext): k8s.NetworkPolicyIngressRule[] {
  const { service, env } = ctx;
  const rules: k8s.NetworkPolicyIngressRule[] = callersOf(ctx).map((caller) => ({ from: [podPeer(selectorLabels(caller))], ports: tcp(service.port) }));
  // The ALB sends traffic straight to pod IPs (target type ip) from its interfaces in the public subnets.
  if (service.kind === 'gateway') rules.push({ from: cidrPeers(env.network.subnets.public), ports: tcp(service.port) });
  return rules;
}

function dataPorts(ctx: ServiceContext): number[] {
  const { database, cache, topics } = ctx.service.dependencies;
  return [
    ...(database !== 'none' ? [naming.dataPorts.postgres] : []),
    ...(cache ? [naming.dataPorts.redis] : []),
    ...(topics.length > 0 ? [naming.dataPorts.kafka] : []),
  ];
}

function awsApiEgress(ctx: ServiceContext): k8s.NetworkPolicyEgressRule[] {
  const { database, topics, buckets } = ctx.service.dependencies;
  if (buckets.length > 0) return [{ to: [ANYWHERE], ports: tcp(HTTPS) }];
  // IAM auth to PostgreSQL and MSK signs with IRSA credentials from STS.
  if (database !== 'none' || topics.length > 0) return [{ to: cidrPeers(ctx.env.network.subnets.private), ports: tcp(HTTPS) }];
  return [];
}

function egressRules(ctx: ServiceContext): k8s.NetworkPolicyEgressRule[] {
  const calls = ctx.service.dependencies.calls.map((callee) => ({
    to: [podPeer(selectorLabels(callee))],
    ports: tcp(findService(ctx, callee).port),
  }));
  const ports = dataPorts(ctx);
  const data = ports.length > 0 ? [{ to: cidrPeers(ctx.env.network.subnets.database), ports: tcp(...ports) }] : [];
  return [...calls, ...data, ...awsApiEgress(ctx)];
}

export function addNetworkPolicy(scope: Construct, ctx: ServiceContext): void {
  const ingress = ingressRules(ctx);
  const egress = egressRules(ctx);
  if (ingress.length === 0 && egress.length === 0) return;
  networkPolicy(scope, 'network-policy', {
    name: ctx.service.name,
    namespace: ctx.namespace,
    pods: ctx.selector,
    ...(ingress.length > 0 ? { ingress } : {}),
    ...(egress.length > 0 ? { egress } : {}),
  });
}
