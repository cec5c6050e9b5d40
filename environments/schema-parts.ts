/** Schema building blocks shared by schema.ts and operations-schema.ts. */
import type { NamedPattern } from './patterns.js';

export const str = (p: NamedPattern) => ({ type: 'string' as const, pattern: p.pattern });
export const int = (minimum: number, maximum?: number) =>
  maximum === undefined ? { type: 'integer' as const, minimum } : { type: 'integer' as const, minimum, maximum };
export const text = { type: 'string' as const, minLength: 1 };
/** The retention periods CloudWatch Logs accepts. */
export const logRetention = { type: 'integer' as const, enum: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] };
