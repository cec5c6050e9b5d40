/** GITOPS-004 (warning): AppProjects name the repositories they deploy from. */
import { dict, strings } from '../engine/values.js';
import type { Rule } from '../engine/types.js';
import { argoObjects } from './argocd.js';

export const noWildcardSourceRepos: Rule = {
  id: 'GITOPS-004',
  severity: 'warning',
  area: 'gitops',
  title: 'AppProjects name their source repositories',
  checks: 'No AppProject lists `*` in `sourceRepos`.',
  why: 'With any source allowed, whoever can edit an Application can deploy from an unreviewed repository or chart registry.',
  fix: 'List this repository and the pinned Helm chart repositories the project uses.',
  check: ({ kubernetes }) =>
    argoObjects(kubernetes, 'AppProject')
      .filter((o) => strings(dict(o.object.spec).sourceRepos).includes('*'))
      .map((o) => ({ file: o.file, resource: o.resource, message: 'sourceRepos allows any repository ("*")' })),
};
