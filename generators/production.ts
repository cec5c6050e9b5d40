/** Which environments are production: their Atlantis projects and their output's owners are stricter. */
import type { Tier } from '../environments/types.js';

/** True for an environment with `tier: 'production'` (any number of them: prod-eu and prod-us both are). */
export const isProduction = (env: { tier: Tier }): boolean => env.tier === 'production';
