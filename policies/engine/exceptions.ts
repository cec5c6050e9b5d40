/**
 * Policy exceptions, declared per environment in `environments/<env>.ts` (`policyExceptions`).
 * An exception matches a violation of the same rule, environment and resource. It is in force
 * up to and including its `expires` date; from the day after, it no longer excuses anything and
 * is itself an error. Today's date is always passed in: nothing here reads the clock.
 */
import type { PolicyException, Tier } from '../../environments/types.js';
import { exceptionLocation } from '../../generators/model/exception-location.js';

export interface EnvironmentExceptions {
  name: string;
  /** Rules that hold only for production read it (EnvironmentDocuments.tier). */
  tier: Tier;
  /** The file that declares them, for messages. */
  file: string;
  policyExceptions: PolicyException[];
}

export type ExceptionState = 'in-force' | 'expired' | 'unknown-rule';

export interface ExceptionStatus extends PolicyException {
  environment: string;
  /** Where the exception is defined: the environment file, or the shared file it is spread in from. */
  file: string;
  /** Its field path in that file, e.g. policyExceptions[2] or platformPolicyExceptions[0]. */
  path: string;
  state: ExceptionState;
  /** How many violations it excused (0 for an expired or unknown-rule exception). */
  matched: number;
  /**
   * The rule is also enforced at admission (Kyverno), where the exception becomes an exclusion. Such
   * an exception may rightly match nothing generated: it can name an object a Helm chart renders.
   */
  admission: boolean;
}

/** YYYY-MM-DD strings compare correctly as strings. */
export function isExpired(exception: PolicyException, today: string): boolean {
  return exception.expires < today;
}

/** What the engine needs to know of a rule to judge an exception to it. */
export interface ExceptionRule {
  id: string;
  admission?: unknown;
}

function status(env: EnvironmentExceptions, index: number, exception: PolicyException, today: string, rules: readonly ExceptionRule[]): ExceptionStatus {
  const rule = rules.find((r) => r.id === exception.rule);
  const state: ExceptionState = !rule ? 'unknown-rule' : isExpired(exception, today) ? 'expired' : 'in-force';
  const { file, path } = exceptionLocation(env.file, index, exception);
  return { ...exception, environment: env.name, file, path, state, matched: 0, admission: rule?.admission !== undefined };
}

/** Every exception of the given environments with its state on `today` (none matched yet). */
export function exceptionStatuses(environments: readonly EnvironmentExceptions[], today: string, rules: readonly ExceptionRule[]): ExceptionStatus[] {
  return environments.flatMap((env) => env.policyExceptions.map((exception, index) => status(env, index, exception, today, rules)));
}

