/**
 * The changes a user makes following the README (a new service, a new node pool), applied to the
 * repository's in-memory inputs. Built from whatever the repository holds, so they apply to any
 * valid repository: the new service copies an existing API service without routes or secrets, the
 * new pool copies an existing non-system pool.
 */
import type { Environment } from '../../environments/types.js';
import type { Inputs } from './inputs.js';

export const ADDED_SERVICE = 'zz-probe-service';
export const ADDED_POOL = 'probe';

export function addService(inputs: Inputs, name = ADDED_SERVICE): void {
  const template = inputs.services.find((s) => s.value.kind !== 'gateway') ?? inputs.services[0];
  if (!template) throw new Error('the repository has no service to copy');
  const value = structuredClone(template.value);
  value.name = name;
  value.kind = 'api';
  value.routes = [];
  value.dependencies = { ...value.dependencies, secrets: [], calls: [] };
  inputs.services.push({ file: `services/${name}/service.ts`, value });
}

export function addNodePool(env: Environment, name = ADDED_POOL): void {
  const template = env.eks.nodePools.find((p) => p.name !== 'system') ?? env.eks.nodePools[0];
  if (!template) throw new Error(`${env.name} has no node pool to copy`);
  env.eks.nodePools.push({ ...structuredClone(template), name, labels: { ...template.labels, 'platform.acme.example/pool': name }, taints: [] });
}
