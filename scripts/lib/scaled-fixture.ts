/**
 * A large in-memory platform for the benchmark: `services` services cloned from the real ones and
 * `environments` environments cloned from the real ones. Environment names beyond dev/staging/prod
 * are not valid config, so this fixture is resolved without the schema (validation is timed
 * separately on the real environments with the scaled services).
 */
import type { Environment } from '../../environments/types.js';
import type { Sourced } from '../../generators/model/service-checks.js';
import type { ServiceDefinition } from '../../services/types.js';
import { repositorySources } from './platform.js';

const environmentTemplates = () => repositorySources().environments.map((e) => e.value as Environment);
const serviceName = (i: number) => `svc-${String(i + 1).padStart(3, '0')}`;

/**
 * `count` services; each scaled environment `<base>-<i>` reuses the settings of its base environment.
 * Like the real services, each gateway calls the services cloned after it, and those own routes.
 */
export function scaledServices(count: number, environments: Sourced<Environment>[] = []): Sourced<ServiceDefinition>[] {
  const templates = repositorySources().services.map((s) => s.value as ServiceDefinition);
  return Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length]!;
    const name = serviceName(i);
    const isGateway = template.kind === 'gateway';
    // Services are cloned in groups of the real ones; a group's gateway calls the rest of its group.
    const group = i - (i % templates.length);
    const calls = isGateway ? templates.map((_t, k) => group + k).filter((j) => j !== i && j < count).map(serviceName) : [];
    const perEnvironment = { ...structuredClone(template.environments) } as Record<string, ServiceDefinition['environments'][string]>;
    for (const env of environments) perEnvironment[env.value.name] ??= structuredClone(template.environments[baseName(env.value.name)]!);
    const definition: ServiceDefinition = {
      ...structuredClone(template),
      name,
      routes: isGateway ? [] : [{ pathPrefix: `/${name}` }],
      dependencies: { ...structuredClone(template.dependencies), calls },
      environments: perEnvironment as ServiceDefinition['environments'],
    };
    return { file: `services/${name}/service.ts`, value: definition };
  });
}

const baseName = (name: string) => name.replace(/-\d+$/, '');

export function scaledEnvironments(count: number): Sourced<Environment>[] {
  return Array.from({ length: count }, (_, i) => {
    const template = environmentTemplates()[i % environmentTemplates().length]!;
    // A clone `<base>-<i>` promotes from its base and hosts no tooling (one host, one first stage).
    const original = i < environmentTemplates().length;
    const name = original ? template.name : `${template.name}-${i}`;
    const copy = { ...structuredClone(template), name, services: {} };
    return { file: `environments/${name}.ts`, value: original ? copy : { ...copy, promotesFrom: template.name, hostsPlatformTooling: false } };
  });
}
