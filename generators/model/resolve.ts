/** Merges service definitions with their per-environment settings. Pure; input order does not matter. */
import { ENV_NAMES, type Environment } from '../../environments/types.js';
import type { ServiceDefinition } from '../../services/types.js';
import { byKey } from '../sort.js';
import type { Sourced } from './service-checks.js';
import type { PlatformModel, ResolvedEnvironment, ResolvedService } from './types.js';

export function resolveService(source: Sourced<ServiceDefinition>, env: Environment): ResolvedService {
  const service = source.value;
  const perService = service.environments[env.name];
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

export function resolveEnvironment(source: Sourced<Environment>, services: Sourced<ServiceDefinition>[]): ResolvedEnvironment {
  const { services: _overrides, ...env } = source.value;
  return {
    ...env,
    file: source.file,
    services: services.map((s) => resolveService(s, source.value)).sort(byKey((s) => s.name)),
  };
}

export function resolvePlatform(environments: Sourced<Environment>[], services: Sourced<ServiceDefinition>[]): PlatformModel {
  const resolved = environments
    .map((env) => resolveEnvironment(env, services))
    .sort(byKey((env) => String(ENV_NAMES.indexOf(env.name)).padStart(4, '0')));
  return { environments: resolved };
}
