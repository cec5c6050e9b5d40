/** Checks that relate services to each other and to the environments. Run only on schema-valid input. */
import type { Environment, ReplicaBounds } from '../../environments/types.js';
import { GATEWAY_API_KEYS_SECRET, type ServiceDefinition } from '../../services/types.js';
import { duplicates } from './environment-checks.js';
import { brokerCount } from './kafka-topics.js';
import { joinPath, type Problem } from './problem.js';
import { checkWiringDeclarations } from './wiring-declaration-checks.js';

export interface Sourced<T> {
  file: string;
  value: T;
}

function checkReplicas(file: string, path: string, replicas: ReplicaBounds | undefined, problems: Problem[]): void {
  if (replicas && replicas.min > replicas.max) {
    problems.push({ file, path, message: `expected min <= max, got ${replicas.min} > ${replicas.max}` });
  }
}

/**
 * `invalidServiceNames`: names of services that failed their schema (so are not in `services`):
 * references to them are not reported, and checks that need every service (a gateway calling a
 * routed service) are skipped, so a schema mistake does not cause a second, misleading line.
 */
export function checkServices(services: Sourced<ServiceDefinition>[], environments: Sourced<Environment>[], invalidServiceNames?: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const names = services.map((s) => s.value.name);
  const known = new Set([...names, ...(invalidServiceNames ?? [])]);
  const complete = invalidServiceNames === undefined;
  const knownList = [...known].sort().join(', ');

  duplicates(names).forEach((i) => {
    const service = services[i]!;
    problems.push({ file: service.file, path: 'name', message: `duplicate service name "${service.value.name}"` });
  });

  problems.push(...checkWiringDeclarations(services));
  const produced = new Set(services.flatMap((s) => s.value.dependencies.topics.filter((t) => t.access === 'produce').map((t) => t.name)));
  const routeOwners = new Map<string, string>();
  for (const { file, value: service } of services) {
    checkReplicas(file, 'replicas', service.replicas, problems);
    for (const [env, settings] of Object.entries(service.environments)) {
      const path = joinPath('environments', env);
      if (settings.imageTag === 'latest') problems.push({ file, path: `${path}.imageTag`, message: 'expected a pinned image tag, not "latest"' });
      checkReplicas(file, `${path}.replicas`, settings.replicas, problems);
    }
    if (service.kind === 'gateway' && !service.rateLimit) problems.push({ file, path: 'rateLimit', message: 'is required for a gateway' });
    if (service.kind === 'gateway' && !service.dependencies.secrets.includes(GATEWAY_API_KEYS_SECRET)) {
      problems.push({ file, path: 'dependencies.secrets', message: `a gateway checks API keys: expected "${GATEWAY_API_KEYS_SECRET}" among its secrets` });
    }
    // Routes are served by the gateway, which reaches only the services it calls.
    if (complete && service.routes.length > 0 && !services.some((g) => g.value.kind === 'gateway' && g.value.dependencies.calls.includes(service.name))) {
      problems.push({ file, path: 'routes', message: `no gateway calls ${service.name}; expected it in a gateway's dependencies.calls` });
    }
    service.dependencies.calls.forEach((callee, i) => {
      const path = `dependencies.calls[${i}]`;
      if (callee === service.name) problems.push({ file, path, message: 'a service cannot call itself' });
      else if (!known.has(callee)) problems.push({ file, path, message: `no service named "${callee}"; expected one of ${knownList}` });
    });
    duplicates(service.dependencies.secrets).forEach((i) =>
      problems.push({ file, path: `dependencies.secrets[${i}]`, message: `duplicate secret "${service.dependencies.secrets[i]}"` }),
    );
    service.dependencies.buckets.forEach((bucket, i) => {
      for (const env of environments) {
        if (!env.value.dataLake.buckets.some((b) => b.name === bucket.name)) {
          problems.push({ file, path: `dependencies.buckets[${i}].name`, message: `no bucket "${bucket.name}" in ${env.file} dataLake.buckets` });
        }
      }
    });
    service.dependencies.topics.forEach((topic, i) => {
      // The platform creates only the topics producers declare (brokers never auto-create; WIRE-009).
      if (complete && topic.access === 'consume' && !produced.has(topic.name)) {
        problems.push({ file, path: `dependencies.topics[${i}].name`, message: `no service produces ${topic.name}, so the platform never creates it; expected it as a produce entry (with its partitions) of the producing service` });
      }
      if (topic.replicationFactor === undefined) return;
      for (const env of environments) {
        const brokers = brokerCount(env.value);
        if (topic.replicationFactor > brokers) {
          problems.push({ file, path: `dependencies.topics[${i}].replicationFactor`, message: `expected at most the ${brokers} broker(s) of ${env.file} (kafka.brokersPerAz × availability zones), got ${topic.replicationFactor}` });
        }
      }
    });
    service.routes.forEach((route, i) => {
      const owner = routeOwners.get(route.pathPrefix);
      if (owner) problems.push({ file, path: `routes[${i}].pathPrefix`, message: `${route.pathPrefix} is already routed to ${owner}` });
      else routeOwners.set(route.pathPrefix, service.name);
    });
  }

  for (const { file, value: env } of environments) {
    for (const [name, override] of Object.entries(env.services)) {
      if (!known.has(name)) {
        problems.push({ file, path: `services.${name}`, message: `no service named "${name}"; expected one of ${knownList}` });
        continue;
      }
      checkReplicas(file, `services.${name}.replicas`, override.replicas, problems);
      if (override.rateLimit && services.find((s) => s.value.name === name)?.value.kind !== 'gateway') {
        problems.push({ file, path: `services.${name}.rateLimit`, message: 'rate limits apply to the gateway only' });
      }
    }
  }
  return problems;
}

