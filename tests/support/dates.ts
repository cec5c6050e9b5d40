/**
 * The date tests pass as "today" when running the real environments: before any exception they
 * declare can expire, so tests stay deterministic. Expiry against the real clock is checked by
 * `pnpm synth --check` in `pnpm verify`.
 */
export const BEFORE_ANY_EXPIRY = '2000-01-01';
