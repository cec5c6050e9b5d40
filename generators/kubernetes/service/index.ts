/**
 * One app per service: everything a declared service gets in its environment's cluster.
 * See the README's Kubernetes section for the list.
 */
import { createHash } from 'node:crypto';
import * as kplus from 'cdk8s-plus-27';
import type { ResolvedEnvironment, ResolvedService } from '../../model/types.js';
import { chartManifests, newChart, type Manifest } from '../chart.js';
import { standardLabels } from '../labels.js';
import { serviceContext } from './context.js';
import { serviceVariables } from './environment.js';
import { addGateway, type GatewayParts } from './gateway/index.js';
import { addPrometheusRule, addServiceMonitor } from './monitoring.js';
import { addNetworkPolicy } from './network.js';
import { addAutoscaler, addDisruptionBudget } from './scaling.js';
import { addServiceSecrets } from './secrets.js';
import { addDeployment, addService, addServiceAccount } from './workload.js';

const checksum = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

export function serviceManifests(env: ResolvedEnvironment, service: ResolvedService): Manifest[] {
  const ctx = serviceContext(env, service);
  const chart = newChart(service.name, standardLabels(service.name, service.kind));

  const variables = serviceVariables(ctx);
  const configMap = new kplus.ConfigMap(chart, 'config', { metadata: { name: service.name, namespace: ctx.namespace }, data: variables });
  const secretEntries = addServiceSecrets(chart, ctx);
  const gateway: GatewayParts = service.kind === 'gateway' ? addGateway(chart, ctx) : { mounts: [], config: '' };

  const serviceAccount = addServiceAccount(chart, ctx);
  const deployment = addDeployment(chart, ctx, serviceAccount, {
    configMap,
    secretEntries,
    extraMounts: gateway.mounts,
    configChecksum: checksum(JSON.stringify(Object.entries(variables).sort()), gateway.config),
  });
  addService(chart, ctx);
  addAutoscaler(chart, ctx, deployment);
  addDisruptionBudget(chart, ctx);
  addNetworkPolicy(chart, ctx);
  addServiceMonitor(chart, ctx);
  addPrometheusRule(chart, ctx);
  return chartManifests(chart);
}
