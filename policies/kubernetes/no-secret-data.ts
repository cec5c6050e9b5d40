/** K8S-011: no Secret object carries data; secret values come from External Secrets. */
import { matchKinds, NOT_DELETE, type ResourceFilter } from '../admission/kyverno.js';
import { dict } from '../engine/values.js';
import type { KubernetesRule } from './rule.js';

const DATA_FIELDS = ['data', 'stringData'] as const;

/**
 * At admission the rule holds people (kubectl, the console), not controllers. Controllers write
 * Secrets with data as their job: External Secrets (from Secrets Manager), cert-manager and the
 * webhook certificate generators of the add-ons, and Argo CD applying Helm-rendered Secrets of
 * pinned charts. What Argo CD applies from this repository is checked before it is written (this
 * rule runs in `pnpm synth` and `pnpm policies`), so no Secret with data reaches Git either way.
 */
const SECRET_WRITERS: ResourceFilter['subjects'] = [{ kind: 'Group', name: 'system:serviceaccounts' }];

export const noSecretData: KubernetesRule = {
  id: 'K8S-011',
  severity: 'error',
  area: 'kubernetes',
  title: 'No Secret objects carrying data',
  checks: 'No `v1/Secret` has a non-empty `data` or `stringData`. At admission it holds people, not controllers (service accounts, e.g. External Secrets, cert-manager, Argo CD applying chart output), whose Git sources it checks at synth.',
  why: 'A Secret in Git is a secret in every clone, fork and CI log, forever (base64 is not encryption). Values live in AWS Secrets Manager and reach Pods through ExternalSecrets.',
  fix: 'Store the value in Secrets Manager under the naming contract\'s path and declare an ExternalSecret; delete the Secret manifest.',
  check: ({ kubernetes }) =>
    kubernetes
      .filter((o) => o.kind === 'Secret' && o.apiVersion === 'v1')
      .flatMap((o) => {
        const carrying = DATA_FIELDS.filter((field) => Object.keys(dict(o.object[field])).length > 0);
        return carrying.length === 0 ? [] : [{ file: o.file, resource: o.resource, message: `Secret carries ${carrying.join(' and ')}` }];
      }),
  admission: {
    name: 'no-secret-data',
    // Exempting request subjects needs the admission request: admission only.
    background: false,
    subject: 'Secret',
    rules: [
      {
        name: 'no-secret-data',
        match: matchKinds(['Secret']),
        exclude: { any: [{ subjects: SECRET_WRITERS }] },
        preconditions: { all: [NOT_DELETE] },
        validate: {
          message: 'Secrets with data are written by controllers (External Secrets, cert-manager), never by hand: store the value in Secrets Manager and declare an ExternalSecret.',
          deny: {
            conditions: { any: DATA_FIELDS.map((field) => ({ key: `{{ length(request.object.${field} || \`{}\`) }}`, operator: 'GreaterThan', value: 0 })) },
          },
        },
      },
    ],
  },
};
