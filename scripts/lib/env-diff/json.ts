/** The machine-readable output: the EnvDiff structure itself, pretty-printed with a trailing newline. */
import type { EnvDiff } from './types.js';

export function renderJson(diff: EnvDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
