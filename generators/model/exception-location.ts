/**
 * Where a policy exception is defined: its environment's `policyExceptions[i]`, or the shared list
 * it was spread in from (environments/policy-exceptions.ts `platformPolicyExceptions[j]`). A shared
 * entry is recognised by its content (rule, resource, reason and expiry), so copies still match.
 */
import { sharedPolicyExceptions, type SharedPolicyExceptions } from '../../environments/policy-exceptions.js';
import type { PolicyException } from '../../environments/types.js';

export interface Location {
  file: string;
  /** Field path of the exception object, e.g. policyExceptions[3] or platformPolicyExceptions[1]. */
  path: string;
}

const identity = (e: PolicyException) => JSON.stringify([e.rule, e.resource, e.reason, e.expires]);

export function exceptionLocation(
  environmentFile: string,
  index: number,
  exception: PolicyException,
  shared: readonly SharedPolicyExceptions[] = sharedPolicyExceptions,
): Location {
  const key = identity(exception);
  for (const list of shared) {
    const found = list.exceptions.findIndex((candidate) => candidate === exception || identity(candidate) === key);
    if (found >= 0) return { file: list.file, path: `${list.field}[${found}]` };
  }
  return { file: environmentFile, path: `policyExceptions[${index}]` };
}
