/** K8S-011: no Secret object carries data; secret values come from External Secrets. */
import { matchKinds, NOT_DELETE, type ResourceFilter } from '../admission/kyverno.js';
import { AWS_IDENTITIES, naming } from '../../generators/naming.js';
import { dict } from '../engine/values.js';
import type { KubernetesRule } from './rule.js';

const DATA_FIELDS = ['data', 'stringData'] as const;

/**
 * Controllers whose job is to write secret values into the cluster: External Secrets (from Secrets
 * Manager), cert-manager (certificates) and the Argo CD server (its own session key). Their
 * requests are not held to this rule at admission; everything else, Argo CD syncs from Git and
 * people with kubectl included, is.
 */
const SECRET_WRITERS: ResourceFilter['subjects'] = [
  { kind: 'ServiceAccount', name: AWS_IDENTITIES['external-secrets'].serviceAccount, namespace: AWS_IDENTITIES['external-secrets'].namespace },
  { kind: 'ServiceAccount', name: AWS_IDENTITIES['cert-manager'].serviceAccount, namespace: AWS_IDENTITIES['cert-manager'].namespace },
  { kind: 'ServiceAccount', name: 'argocd-server', namespace: naming.argocdNamespace },
];

export const noSecretData: KubernetesRule = {
  id: 'K8S-011',
  severity: 'error',
  area: 'kubernetes',
  title: 'No Secret objects carrying data',
  checks: 'No `v1/Secret` has a non-empty `data` or `stringData`. At admission, the controllers that materialise secrets (External Secrets, cert-manager, the Argo CD server) are exempt.',
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
          message: 'Secrets with data may only be written by External Secrets, cert-manager or Argo CD itself; store the value in Secrets Manager and declare an ExternalSecret.',
          deny: {
            conditions: { any: DATA_FIELDS.map((field) => ({ key: `{{ length(request.object.${field} || \`{}\`) }}`, operator: 'GreaterThan', value: 0 })) },
          },
        },
      },
    ],
  },
};
