/** What a `kind: gateway` service gets on top of every service: nginx.conf, API keys and the Ingress. */
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import type { ServiceContext } from '../context.js';
import type { ExtraMount } from '../workload.js';
import { addApiKeys } from './api-keys.js';
import { addIngress } from './ingress.js';
import { API_KEYS_DIR, NGINX_CONF_PATH, nginxConf } from './nginx-conf.js';
import { gatewayRoutes } from './routes.js';

export interface GatewayParts {
  mounts: ExtraMount[];
  /** Configuration the pods read at start (goes into the pod's config checksum). */
  config: string;
}

export function addGateway(scope: Construct, ctx: ServiceContext): GatewayParts {
  const config = nginxConf(ctx, gatewayRoutes(ctx));
  const configMap = new kplus.ConfigMap(scope, 'nginx-config', {
    metadata: { name: `${ctx.service.name}-nginx`, namespace: ctx.namespace },
    data: { 'nginx.conf': config },
  });
  const apiKeys = addApiKeys(scope, ctx);
  addIngress(scope, ctx);
  return {
    config,
    mounts: [
      { path: NGINX_CONF_PATH, subPath: 'nginx.conf', volume: kplus.Volume.fromConfigMap(scope, 'volume-nginx', configMap, { name: 'nginx-config' }) },
      { path: API_KEYS_DIR, volume: kplus.Volume.fromSecret(scope, 'volume-api-keys', kplus.Secret.fromSecretName(scope, 'api-keys', apiKeys), { name: 'api-keys' }) },
    ],
  };
}
