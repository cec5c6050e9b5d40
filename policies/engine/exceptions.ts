/**
 * Policy exceptions, declared per environment in `environments/<env>.ts` (`policyExceptions`).
 * An exception matches a violation of the same rule, environment and resource. It is in force
 * up to and including its `expires` date; from the day after, it no longer excuses anything and
 * is itself an error. Today's date is always passed in: nothing here reads the clock.
 */
import type { EnvName, PolicyException } from '../../environments/types.js';

export interface EnvironmentExceptions {
  name: EnvName;
  /** The file that declares them, for messages. */
  file: string;
  policyExceptions: PolicyException[];
}

export type ExceptionState = 'in-force' | 'expired' | 'unknown-rule';

export interface ExceptionStatus extends PolicyException {
  environment: EnvName;
  file: string;
  state: ExceptionState;
  /** How many violations it excused (0 for an expired or unknown-rule exception). */
  matched: number;
}

/** YYYY-MM-DD strings compare correctly as strings. */
export function isExpired(exception: PolicyException, today: string): boolean {
  return exception.expires < today;
}

export function exceptionState(exception: PolicyException, today: string, knownRules: ReadonlySet<string>): ExceptionState {
  if (!knownRules.has(exception.rule)) return 'unknown-rule';
  return isExpired(exception, today) ? 'expired' : 'in-force';
}

/**
 * The exceptions of each environment with their state on `today`, without matching them against
 * violations. For tools that show exceptions next to a change, such as the environment diff.
 */
export function listExceptions(environments: readonly EnvironmentExceptions[], today: string, knownRules: ReadonlySet<string>): ExceptionStatus[] {
  return environments.flatMap((env) =>
    env.policyExceptions.map((exception) => ({
      ...exception,
      environment: env.name,
      file: env.file,
      state: exceptionState(exception, today, knownRules),
      matched: 0,
    })),
  );
}
