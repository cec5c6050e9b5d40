/** Small readers for untyped document values (parsed YAML and Terraform JSON are `unknown` until checked). */

export type Dict = Record<string, unknown>;

export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `value`, or an empty one. */
export function dict(value: unknown): Dict {
  return isDict(value) ? value : {};
}

/** The array at `value`, or an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Follows object keys; undefined as soon as one is missing. */
export function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isDict(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Terraform blocks: cdktf renders a single-instance block as an object and a repeatable one as a
 * list of objects; both read as a list here.
 */
export function blocks(value: unknown): Dict[] {
  if (Array.isArray(value)) return value.filter(isDict);
  return isDict(value) ? [value] : [];
}

/** Terraform booleans arrive as booleans or as the strings "true"/"false" (e.g. launch template EBS flags). */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

/** A literal number (or numeric string); undefined for references and anything else. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) return Number(value);
  return undefined;
}

/** One value or a list of values, as a list of strings (non-strings dropped). */
export function strings(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is string => typeof v === 'string');
}
