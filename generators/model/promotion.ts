/**
 * The promotion order of the environments, read from their `promotesFrom` fields: a tree rooted at
 * the one environment with `promotesFrom: null` (dev → staging → prod today; `prod-eu` and
 * `prod-us` both promoting from staging is a fork). Every list of environments the toolchain
 * produces follows `promotionOrder`: stages in order, siblings by name. Pure: no file system.
 */
import { compareStrings } from '../sort.js';

/** What the order needs of an environment: its name and what it promotes from. */
export interface Stage {
  name: string;
  promotesFrom: string | null;
}

/**
 * The environments in promotion order: the first stage, then each environment after the one it
 * promotes from (breadth first, siblings by name). Environments not reachable from a first stage
 * (a cycle, an unknown `promotesFrom`: validation reports those) come last, by name, so the order
 * is total and stable whatever the input.
 */
export function promotionOrder<T extends Stage>(environments: readonly T[]): T[] {
  const byName = [...environments].sort((a, b) => compareStrings(a.name, b.name));
  const ordered: T[] = [];
  const placed = new Set<string>();
  let frontier = byName.filter((env) => env.promotesFrom === null);
  while (frontier.length > 0) {
    const next: T[] = [];
    for (const env of frontier) {
      if (placed.has(env.name)) continue;
      placed.add(env.name);
      ordered.push(env);
      next.push(...byName.filter((child) => child.promotesFrom === env.name && !placed.has(child.name)));
    }
    frontier = next;
  }
  return [...ordered, ...byName.filter((env) => !placed.has(env.name))];
}

/** Names of `environments` in promotion order. */
export const environmentNames = (environments: readonly Stage[]): string[] => promotionOrder(environments).map((env) => env.name);

/**
 * The environment `name` receives promotions from ("the previous stage"), or null for the first
 * stage. Throws for a name the model does not have (a caller's mistake, not the user's).
 */
export function previousStage<T extends Stage>(model: { environments: readonly T[] }, name: string): T | null {
  const env = model.environments.find((e) => e.name === name);
  if (!env) throw new Error(`no environment named "${name}"`);
  if (env.promotesFrom === null) return null;
  return model.environments.find((e) => e.name === env.promotesFrom) ?? null;
}

/** The environments that receive promotions from `name` (the next stages), by name. */
export function nextStages<T extends Stage>(model: { environments: readonly T[] }, name: string): T[] {
  return model.environments.filter((e) => e.promotesFrom === name).sort((a, b) => compareStrings(a.name, b.name));
}

/** `name` and every stage before it, nearest first: where a value missing in `name` is inherited from. */
export function stagesBack<T extends Stage>(environments: readonly T[], name: string): T[] {
  const chain: T[] = [];
  let current = environments.find((e) => e.name === name);
  while (current && !chain.includes(current)) {
    chain.push(current);
    const from = current.promotesFrom;
    current = from === null ? undefined : environments.find((e) => e.name === from);
  }
  return chain;
}
