/**
 * Policy exceptions in force in this repository's working tree, for the environment diff. They
 * live in the environment sources (TypeScript), so they are known only for the working tree, not
 * for a git revision. Sources that do not validate yield none (staleness reports the problem).
 */
import { ConfigError } from '../../../generators/model/problem.js';
import { exceptionsInForce } from '../../../policies/check.js';
import { todayUtc } from '../clock.js';
import type { PlatformModel } from '../../../generators/model/types.js';
import { loadRepositoryModel } from '../platform.js';
import type { PolicyExceptionInForce } from './types.js';

export function workingTreeExceptions(today: string = todayUtc(), load: () => PlatformModel = loadRepositoryModel): PolicyExceptionInForce[] {
  let environments;
  try {
    environments = load().environments;
  } catch (error) {
    if (error instanceof ConfigError) return [];
    throw error;
  }
  return exceptionsInForce(environments, today).flatMap(({ environment, exceptions }) =>
    exceptions.map(({ rule, resource, reason, expires }) => ({ environment, rule, resource, reason, expires })),
  );
}
