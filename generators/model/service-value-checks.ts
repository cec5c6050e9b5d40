/**
 * Service values Kubernetes or the platform would refuse, judged at synth: requests above limits,
 * literal secrets in configuration, and service or team names the platform already uses.
 */
import type { Environment, ServiceOverride } from '../../environments/types.js';
import type { ServiceDefinition } from '../../services/types.js';
import { literalSecret, SECRET_REFERENCE_HINT } from './literal-secrets.js';
import { joinPath, type Problem } from './problem.js';
import { reservedServiceNames, reservedTeamNames } from './reserved-names.js';
import { containerResourceProblems } from './resource-checks.js';
import type { Sourced } from './service-checks.js';

function overrideProblems(file: string, path: string, override: ServiceOverride | undefined): Problem[] {
  if (!override) return [];
  return [
    ...containerResourceProblems(file, joinPath(path, 'resources'), override.resources),
    ...configProblems(file, joinPath(path, 'config'), override.config),
  ];
}

function configProblems(file: string, path: string, config: Record<string, string> | undefined): Problem[] {
  return Object.entries(config ?? {}).flatMap(([key, value]) => {
    const why = literalSecret(key, value);
    return why ? [{ file, path: joinPath(path, key), message: `looks like a literal secret (${why}); ${SECRET_REFERENCE_HINT}` }] : [];
  });
}

export function checkServiceValues(services: Sourced<ServiceDefinition>[], environments: Sourced<Environment>[]): Problem[] {
  const problems: Problem[] = [];
  const reservedServices = reservedServiceNames();
  const reservedTeams = reservedTeamNames();
  // Objects a service generates besides its own name, in the namespace every service shares.
  const generatedBy = new Map(services.filter((s) => s.value.kind === 'gateway').map((g) => [`${g.value.name}-nginx`, `the nginx ConfigMap of gateway ${g.value.name} (${g.file})`]));
  for (const { file, value: service } of services) {
    const taken = reservedServices.get(service.name) ?? generatedBy.get(service.name);
    if (taken) problems.push({ file, path: 'name', message: `"${service.name}" is reserved: it is ${taken}; choose another service name` });
    const teamTaken = reservedTeams.get(service.team);
    if (teamTaken) problems.push({ file, path: 'team', message: `"${service.team}" is reserved: it is ${teamTaken}; choose another team name` });
    problems.push(...containerResourceProblems(file, 'resources', service.resources));
    problems.push(...configProblems(file, 'config', service.config));
    for (const [env, entry] of Object.entries(service.environments)) problems.push(...overrideProblems(file, joinPath('environments', env), entry));
  }
  for (const { file, value: env } of environments) {
    for (const [name, override] of Object.entries(env.services)) problems.push(...overrideProblems(file, joinPath('services', name), override));
  }
  return problems;
}
