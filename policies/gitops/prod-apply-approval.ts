/** GITOPS-003: Atlantis applies production Terraform only after approval. */
import { strings } from '../engine/values.js';
import type { Rule } from '../engine/types.js';

export const prodApplyApproval: Rule = {
  id: 'GITOPS-003',
  severity: 'error',
  area: 'gitops',
  title: 'Prod Atlantis projects require approval',
  checks: 'Every `atlantis.yaml` project that plans Terraform of a production environment (`tier: \'production\'`) lists `approved` in `apply_requirements`.',
  why: 'Without it, anyone who can comment on a pull request can apply production infrastructure changes nobody reviewed.',
  fix: 'Generate prod projects with `apply_requirements: [approved, mergeable]` (and allow the key in the server-side repo config).',
  check: ({ tier, atlantis }) =>
    tier !== 'production'
      ? []
      : atlantis
          .filter((p) => !strings(p.project.apply_requirements).includes('approved'))
          .map((p) => ({ file: p.file, resource: p.resource, message: `project for ${p.dir} can be applied without an approved review` })),
};
