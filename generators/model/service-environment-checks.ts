/**
 * A service's `environments` entries name existing environments, and every environment has an
 * entry of its own or inherits one from an earlier stage of the promotion order (resolve.ts); the
 * first stage (nothing to inherit from) needs its own.
 */
import type { Environment } from '../../environments/types.js';
import type { ServiceDefinition } from '../../services/types.js';
import { joinPath, type Problem } from './problem.js';
import { stagesBack } from './promotion.js';
import type { Sourced } from './service-checks.js';

/**
 * `names`: every environment's name, including environments that failed their schema (so an entry
 * for one of those is not reported twice); `environments`: the valid ones, whose promotion order
 * is known. Pass every environment as valid (or none), else the inheritance check is skipped.
 */
export function serviceEnvironmentProblems(services: Sourced<ServiceDefinition>[], environments: Sourced<Environment>[], names: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const complete = environments.length > 0 && environments.length === names.length;
  const all = environments.map((e) => e.value);
  for (const { file, value: service } of services) {
    for (const env of Object.keys(service.environments)) {
      if (!names.includes(env)) problems.push({ file, path: joinPath('environments', env), message: `no environment named "${env}"; expected one of ${[...names].sort().join(', ')}` });
    }
    if (!complete) continue;
    for (const env of all) {
      if (stagesBack(all, env.name).some((stage) => service.environments[stage.name] !== undefined)) continue;
      problems.push({ file, path: joinPath('environments', env.name), message: `missing: expected { imageTag: ... } for ${env.name} (or for a stage it is promoted from)` });
    }
  }
  return problems;
}
