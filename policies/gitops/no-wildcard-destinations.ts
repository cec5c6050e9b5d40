/** GITOPS-002: AppProjects name their destinations exactly. */
import { dict, isDict, list, str } from '../engine/values.js';
import type { Rule } from '../engine/types.js';
import { argoObjects } from './argocd.js';

const FIELDS = ['server', 'name', 'namespace'] as const;

export const noWildcardDestinations: Rule = {
  id: 'GITOPS-002',
  severity: 'error',
  area: 'gitops',
  title: 'No AppProject with wildcard destinations',
  checks: 'No `destinations[]` entry of an AppProject has a `*` (or any glob) in `server`, `name` or `namespace`.',
  why: 'A wildcard destination lets the project\'s Applications deploy into any cluster or namespace, including kube-system and argocd (which makes them cluster admin).',
  fix: 'List each destination namespace (and cluster) the project deploys into explicitly.',
  check: ({ kubernetes }) =>
    argoObjects(kubernetes, 'AppProject').flatMap((o) =>
      list(dict(o.object.spec).destinations)
        .filter(isDict)
        .flatMap((destination, i) =>
          FIELDS.filter((field) => str(destination[field])?.includes('*')).map((field) => ({
            file: o.file,
            resource: o.resource,
            message: `destinations[${i}].${field} is the wildcard "${destination[field] as string}"`,
          })),
        ),
    ),
};
