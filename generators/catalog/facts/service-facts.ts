/**
 * What the catalog says about a service in one environment, from the resolved model only (so a
 * page built from it is the same whichever environments a synth run selects). Alerts come from the
 * same function that writes the service's PrometheusRule, so the catalog cannot disagree with it.
 */
import { sloRules } from '../../kubernetes/service/monitoring.js';
import { serviceContext, serviceUrl } from '../../kubernetes/service/context.js';
import type { ResolvedEnvironment, ResolvedService } from '../../model/types.js';
import { naming } from '../../naming.js';
import { compareStrings } from '../../sort.js';

export interface AlertFact {
  name: string;
  severity: string;
  /** How long the condition must hold, e.g. 10m. */
  for: string;
  summary: string;
}

export interface ServiceFacts {
  imageTag: string;
  image: string;
  replicas: string;
  cpu: string;
  memory: string;
  /** In-cluster URL, then the public URLs the gateway serves for it. */
  endpoints: string[];
  rateLimit: string | null;
  alerts: AlertFact[];
}

/** Public URLs of a service: the gateway's host, or the gateway routes that lead to the service. */
export function publicEndpoints(env: ResolvedEnvironment, service: ResolvedService): string[] {
  const host = `https://${naming.apiHost(env.domain)}`;
  if (service.kind === 'gateway') return [host];
  return service.routes.map((route) => `${host}${route.pathPrefix}`);
}

export function serviceFacts(env: ResolvedEnvironment, service: ResolvedService): ServiceFacts {
  const { resources, replicas } = service;
  return {
    imageTag: service.imageTag,
    image: naming.serviceImage(env.aws.accountId, env.aws.region, service.name, service.imageTag),
    replicas: replicas.min === replicas.max ? String(replicas.min) : `${replicas.min}–${replicas.max}`,
    cpu: `${resources.cpuRequest} / ${resources.cpuLimit}`,
    memory: `${resources.memoryRequest} / ${resources.memoryLimit}`,
    endpoints: [serviceUrl(service.name), ...publicEndpoints(env, service)],
    rateLimit: service.rateLimit ? `${service.rateLimit.requestsPerSecond}/s, burst ${service.rateLimit.burst}` : null,
    alerts: sloRules(serviceContext(env, service)).map((rule) => ({
      name: String(rule.alert ?? rule.record ?? ''),
      severity: String(rule.labels?.['severity'] ?? ''),
      for: String(rule.for ?? ''),
      summary: String(rule.annotations?.['summary'] ?? ''),
    })),
  };
}

/** A service's declared dependencies as short phrases, in a fixed order. */
export function dependencyPhrases(service: ResolvedService): string[] {
  const d = service.dependencies;
  return [
    ...(d.database !== 'none' ? [`PostgreSQL (${d.database})`] : []),
    ...(d.cache ? ['Redis'] : []),
    ...d.topics.map((t) => `topic ${t.name} (${t.access}${t.partitions ? `, ${t.partitions} partitions` : ''})`),
    ...d.buckets.map((b) => `bucket ${b.name} (${b.access})`),
    ...d.secrets.map((s) => `secret ${s}`),
    ...d.calls.map((c) => `calls ${c}`),
  ];
}

/** Every service name of the model (any environment), sorted. */
export function serviceNames(environments: readonly ResolvedEnvironment[]): string[] {
  return [...new Set(environments.flatMap((env) => env.services.map((s) => s.name)))].sort(compareStrings);
}

/** The service as it runs in an environment, if it runs there. */
export function serviceIn(env: ResolvedEnvironment, name: string): ResolvedService | undefined {
  return env.services.find((s) => s.name === name);
}
