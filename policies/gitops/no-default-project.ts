/** GITOPS-001: no Argo CD Application lives in the `default` project. */
import { at, str } from '../engine/values.js';
import type { Rule } from '../engine/types.js';
import { argoObjects } from './argocd.js';

export const noDefaultProject: Rule = {
  id: 'GITOPS-001',
  severity: 'error',
  area: 'gitops',
  title: 'No Application in the default project',
  checks: 'Every Argo CD Application (and ApplicationSet template) names an AppProject other than `default`.',
  why: 'The `default` project allows any source, any destination and any cluster-scoped kind: an Application in it escapes every restriction the platform\'s projects encode.',
  fix: 'Set `spec.project` to the owning AppProject (`platform`, or the service team\'s project).',
  check: ({ kubernetes }) => [
    ...argoObjects(kubernetes, 'Application').map((o) => ({ o, project: str(at(o.object, 'spec', 'project')) })),
    ...argoObjects(kubernetes, 'ApplicationSet').map((o) => ({ o, project: str(at(o.object, 'spec', 'template', 'spec', 'project')) })),
  ]
    .filter(({ project }) => project === undefined || project === '' || project === 'default')
    .map(({ o, project }) => ({ file: o.file, resource: o.resource, message: project ? 'uses the default project' : 'names no project (Argo CD would use default)' })),
};
