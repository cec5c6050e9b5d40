/** Merges service definitions with their per-environment settings. Pure; input order does not matter. */
import type { Environment } from '../../environments/types.js';
import type { ServiceDefinition } from '../../services/types.js';
import { byKey } from '../sort.js';
import { promotionOrder, stagesBack } from './promotion.js';
import type { Sourced } from './service-checks.js';
import type { PlatformModel, ResolvedEnvironment, ResolvedService } from './types.js';

/**
 * The service's entry for `env`: its own, else the entry of the nearest earlier stage in the
 * promotion order (a new environment runs what the stage it promotes from runs until something is
 * promoted to it). Validation guarantees one exists.
 */
export function serviceEntry(service: ServiceDefinition, env: string, environments: readonly Environment[]): ServiceDefinition['environments'][string] | undefined {
  const stages = stagesBack(environments, env);
  const from = stages.find((stage) => service.environments[stage.name] !== undefined);
  return from ? service.environments[from.name] : service.environments[env];
}

export function resolveService(source: Sourced<ServiceDefinition>, env: Environment, environments: readonly Environment[] = [env]): ResolvedService {
  const service = source.value;
  const perService = serviceEntry(service, env.name, environments);
  if (!perService) throw new Error(`${source.file}: no entry for environment ${env.name} (validation should have reported it)`);
  const perEnvironment = env.services[service.name] ?? {};
  const rateLimit = perEnvironment.rateLimit ?? perService.rateLimit ?? service.rateLimit;
  return {
    name: service.name,
    team: service.team,
    description: service.description,
    kind: service.kind,
    file: source.file,
    imageTag: perService.imageTag,
    port: service.port,
    probes: service.probes,
    resources: perEnvironment.resources ?? perService.resources ?? service.resources,
    replicas: perEnvironment.replicas ?? perService.replicas ?? service.replicas,
    autoscaling: service.autoscaling,
    minAvailable: service.minAvailable,
    metrics: service.metrics,
    routes: service.routes,
    rateLimit: rateLimit ?? null,
    dependencies: service.dependencies,
    config: { ...service.config, ...perService.config, ...perEnvironment.config },
  };
}

export function resolveEnvironment(source: Sourced<Environment>, services: Sourced<ServiceDefinition>[], environments: readonly Environment[] = [source.value]): ResolvedEnvironment {
  const { services: _overrides, ...env } = source.value;
  return {
    ...env,
    file: source.file,
    services: services.map((s) => resolveService(s, source.value, environments)).sort(byKey((s) => s.name)),
  };
}

/** Environments in promotion order (see promotion.ts), whatever the input order. */
export function resolvePlatform(environments: Sourced<Environment>[], services: Sourced<ServiceDefinition>[]): PlatformModel {
  const all = environments.map((e) => e.value);
  const ordered = promotionOrder(environments.map((e) => ({ name: e.value.name, promotesFrom: e.value.promotesFrom, source: e })));
  return { environments: ordered.map(({ source }) => resolveEnvironment(source, services, all)) };
}
