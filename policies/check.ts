/**
 * The policy entry points other code uses: check rendered files against every rule with the
 * environments' exceptions, and list the exceptions in force (for the environment diff).
 */

import type { PolicyFile } from './engine/documents.js';
import { exceptionStatuses, type EnvironmentExceptions, type ExceptionStatus } from './engine/exceptions.js';
import { runPolicies, type PolicyReport } from './engine/run.js';
import type { Rule } from './engine/types.js';
import { rules as registry } from './index.js';

export interface PolicyCheck {
  files: readonly PolicyFile[];
  /** The environments in scope (a resolved environment will do: name, file, policyExceptions). */
  environments: readonly EnvironmentExceptions[];
  /** YYYY-MM-DD; read from the clock by the command line, never here. */
  today: string;
  rules?: readonly Rule[];
}

export function checkPolicies(check: PolicyCheck): PolicyReport {
  return runPolicies({ ...check, rules: check.rules ?? registry });
}

/** The exceptions in force on `today`, per environment, in the order the environments are given. */
export function exceptionsInForce(environments: readonly EnvironmentExceptions[], today: string): { environment: string; exceptions: ExceptionStatus[] }[] {
  const all = exceptionStatuses(environments, today, registry).filter((e) => e.state === 'in-force');
  return environments.map((env) => ({ environment: env.name, exceptions: all.filter((e) => e.environment === env.name) }));
}
