/** Reading values out of generated documents (plain JSON-like data) without trusting their shape. */

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a path of object keys, or undefined where the path leaves the document. */
export const at = (value: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), value);
