/**
 * The promotion order, in ONE place, read from the model: each environment's `promotesFrom` names the
 * stage before it (generators/model/promotion.ts validates the chain: one first stage, no cycles).
 */
export interface Ordered {
  name: string;
  promotesFrom: string | null;
}

/** The environment `name` promotes from; undefined for a first stage (or an unknown name). */
export function previousEnvironment<T extends Ordered>(environments: readonly T[], name: string): T | undefined {
  const env = environments.find((e) => e.name === name);
  if (!env || env.promotesFrom === null) return undefined;
  return environments.find((e) => e.name === env.promotesFrom);
}

/**
 * The stages strictly between `from` and `to` along `to`'s chain of `promotesFrom`, in promotion order;
 * undefined when `from` does not come before `to`.
 */
export function stagesBetween(environments: readonly Ordered[], from: string, to: string): string[] | undefined {
  const between: string[] = [];
  const seen = new Set<string>();
  for (let stage = previousEnvironment(environments, to); stage && !seen.has(stage.name); stage = previousEnvironment(environments, stage.name)) {
    if (stage.name === from) return between.reverse();
    seen.add(stage.name);
    between.push(stage.name);
  }
  return undefined;
}
