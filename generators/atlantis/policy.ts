/**
 * The Atlantis policy, in one place: the repository's atlantis.yaml (per project) and the server-side
 * repo config the Atlantis add-on runs with are both built from these constants, so the keys the
 * repository sets are exactly the keys the server allows it to set.
 */

import type { Tier } from '../../environments/types.js';
import { isProduction } from '../production.js';

export type Requirement = 'approved' | 'mergeable' | 'undiverged';

/** Every project: a reviewer approved, GitHub says mergeable (branch protection, CODEOWNERS), base not moved since the plan. */
export const APPLY_REQUIREMENTS: readonly Requirement[] = ['approved', 'mergeable', 'undiverged'];

/**
 * Production is stricter: its plans run only after a reviewer has approved the pull request (a plan
 * executes provider code with production credentials) and against an up-to-date base branch.
 */
export const PRODUCTION_PLAN_REQUIREMENTS: readonly Requirement[] = ['approved', 'undiverged'];

export interface ProjectRequirements {
  apply_requirements: Requirement[];
  import_requirements: Requirement[];
  plan_requirements?: Requirement[];
}

export function projectRequirements(tier: Tier): ProjectRequirements {
  return {
    apply_requirements: [...APPLY_REQUIREMENTS],
    import_requirements: [...APPLY_REQUIREMENTS],
    ...(isProduction({ tier }) ? { plan_requirements: [...PRODUCTION_PLAN_REQUIREMENTS] } : {}),
  };
}

/** Restricted project keys atlantis.yaml sets; the server-side config allows exactly these. */
export const OVERRIDDEN_KEYS = ['apply_requirements', 'import_requirements', 'plan_requirements'] as const;

/** The server-side workflow every project runs (the repository may not define its own). */
export const WORKFLOW = 'platform';

/** Terraform waits this long for the state lock instead of failing at once. */
export const LOCK_TIMEOUT = '5m';

/** Pull requests plan only against the branch the environments sync from. */
export const branchRegex = (branch: string) => `/^${branch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/`;
