/**
 * The promotion order, in ONE place: the environments of the model in the order the model lists
 * them (today dev → staging → prod, the order of ENV_NAMES that resolvePlatform sorts by).
 * When environments become data with an explicit promotion order (issue 14 item 1), replace the
 * body of `previousEnvironment` with the model's own function; nothing else needs to change.
 */
export interface Ordered {
  name: string;
}

/** The environment before `name` in the promotion order; undefined for the first (or an unknown) one. */
export function previousEnvironment<T extends Ordered>(environments: readonly T[], name: string): T | undefined {
  const index = environments.findIndex((env) => env.name === name);
  return index > 0 ? environments[index - 1] : undefined;
}

/** Position of `name` in the promotion order (-1 when unknown). */
export function promotionIndex(environments: readonly Ordered[], name: string): number {
  return environments.findIndex((env) => env.name === name);
}
