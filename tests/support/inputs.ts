/** Deep copies of the repository's real environment and service sources, for tests to mutate. */
import type { Environment } from '../../environments/types.js';
import { loadPlatform } from '../../generators/model/load.js';
import { ConfigError, formatProblem, sortProblems } from '../../generators/model/problem.js';
import type { Sourced } from '../../generators/model/service-checks.js';
import { repositorySources } from '../../scripts/lib/platform.js';
import type { ServiceDefinition } from '../../services/types.js';

export interface Inputs {
  environments: Sourced<Environment>[];
  services: Sourced<ServiceDefinition>[];
}

export function realInputs(): Inputs {
  return {
    environments: repositorySources().environments.map((e) => ({ file: e.file, value: structuredClone(e.value) as Environment })),
    services: repositorySources().services.map((s) => ({ file: s.file, value: structuredClone(s.value) as ServiceDefinition })),
  };
}

export function environment(inputs: Inputs, name: string): Environment {
  const found = inputs.environments.find((e) => e.value.name === name);
  if (!found) throw new Error(`no environment ${name}`);
  return found.value;
}

export function service(inputs: Inputs, name: string): ServiceDefinition {
  const found = inputs.services.find((s) => s.value.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found.value;
}

/** Loads the real inputs after `mutate` and returns the problem lines, sorted (empty when valid). */
export function problems(mutate: (inputs: Inputs) => void): string[] {
  const inputs = realInputs();
  mutate(inputs);
  try {
    loadPlatform(inputs.environments, inputs.services);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return sortProblems(error.problems).map(formatProblem);
  }
}
