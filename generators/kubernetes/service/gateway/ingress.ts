/**
 * The gateway's Ingress for the AWS Load Balancer Controller: an internet-facing ALB, HTTPS only
 * (TLS 1.2+), sending traffic straight to pod IPs. The controller finds the ACM certificate for
 * the TLS host, and external-dns publishes the host.
 */
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { naming } from '../../../naming.js';
import { ALB_INGRESS_CLASS } from '../../addons/endpoints.js';
import { HTTP_PORT_NAME, type ServiceContext } from '../context.js';

const ALB = 'alb.ingress.kubernetes.io';

export function ingressAnnotations(ctx: ServiceContext): Record<string, string> {
  return {
    [`${ALB}/scheme`]: 'internet-facing',
    [`${ALB}/target-type`]: 'ip',
    [`${ALB}/listen-ports`]: '[{"HTTPS":443}]',
    [`${ALB}/ssl-policy`]: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    [`${ALB}/backend-protocol`]: 'HTTP',
    [`${ALB}/healthcheck-path`]: ctx.service.probes.readinessPath,
    [`${ALB}/load-balancer-attributes`]: 'routing.http.drop_invalid_header_fields.enabled=true',
    [`${ALB}/tags`]: `environment=${ctx.env.name},service=${ctx.service.name}`,
  };
}

export function addIngress(scope: Construct, ctx: ServiceContext): void {
  const host = naming.apiHost(ctx.env.domain);
  new k8s.KubeIngress(scope, 'ingress', {
    metadata: { name: ctx.service.name, namespace: ctx.namespace, annotations: ingressAnnotations(ctx) },
    spec: {
      ingressClassName: ALB_INGRESS_CLASS,
      tls: [{ hosts: [host] }],
      rules: [
        {
          host,
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: ctx.service.name, port: { name: HTTP_PORT_NAME } } } }] },
        },
      ],
    },
  });
}
