/** Add-on chart versions per environment, from the model, with the add-ons whose versions differ. */
import type { ResolvedEnvironment } from '../../model/types.js';
import { compareStrings } from '../../sort.js';

export interface AddonVersionRow {
  addon: string;
  /** Version per environment, in the model's environment order. */
  versions: string[];
  differs: boolean;
}

export function addonVersionRows(environments: readonly ResolvedEnvironment[]): AddonVersionRow[] {
  const names = [...new Set(environments.flatMap((env) => Object.keys(env.addons)))].sort(compareStrings);
  return names.map((addon) => {
    const versions = environments.map((env) => (env.addons as Record<string, string>)[addon] ?? '');
    return { addon, versions, differs: new Set(versions).size > 1 };
  });
}
