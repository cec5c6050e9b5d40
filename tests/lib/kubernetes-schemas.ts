/**
 * The official schema of every Kubernetes kind the repository generates, from kubernetes-models
 * (core API, Kubernetes 1.31-era OpenAPI) and its CRD packages (External Secrets, prometheus-operator,
 * cert-manager, Argo CD), all versions whose engines allow Node 20. Karpenter has no such package:
 * its NodePool and EC2NodeClass are validated with ajv against the JSON Schemas written from its
 * CRDs in generators/kubernetes/schemas/ (see the README there).
 *
 * External Secrets Operator 0.17 serves only `external-secrets.io/v1`; ESO promoted v1beta1 to v1
 * without changing the schema, and the Node-20 package (0.5.x) knows it as v1beta1, so v1 documents
 * are validated with the v1beta1 schema.
 *
 * Kyverno ClusterPolicies have no Node-20 model package; they are checked against the vendored
 * subset of Kyverno's CRD schema (policies/admission/validate.ts).
 */
import { readFileSync } from 'node:fs';
import * as argoCd from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import * as certManager from '@kubernetes-models/cert-manager/cert-manager.io/v1';
import * as externalSecrets from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1';
import * as secretGenerators from '@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1';
import * as monitoring from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import * as monitoringAlpha from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1';
import * as admissionregistration from 'kubernetes-models/admissionregistration.k8s.io/v1';
import * as apiextensions from 'kubernetes-models/apiextensions.k8s.io/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as rbac from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import * as scheduling from 'kubernetes-models/scheduling.k8s.io/v1';
import * as storage from 'kubernetes-models/storage.k8s.io/v1';
import * as core from 'kubernetes-models/v1';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { clusterPolicyProblems } from '../../policies/admission/validate.js';

interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: object): { validate(): void };
}

const isModelClass = (value: unknown): value is ModelClass =>
  typeof value === 'function' && typeof (value as Partial<ModelClass>).apiVersion === 'string' && typeof (value as Partial<ModelClass>).kind === 'string';

const modules: object[] = [
  core, apps, autoscaling, batch, networking, policy, rbac, scheduling, storage, admissionregistration, apiextensions,
  externalSecrets, secretGenerators, monitoring, monitoringAlpha, certManager, argoCd,
];

/** `apiVersion/kind` → model class. */
const models = new Map<string, ModelClass>();
for (const module of modules) {
  for (const value of Object.values(module)) if (isModelClass(value)) models.set(`${value.apiVersion}/${value.kind}`, value);
}

/** `apiVersion/kind` → ajv validator of a JSON Schema in generators/kubernetes/schemas/. */
const JSON_SCHEMA_FILES: Record<string, string> = {
  'karpenter.sh/v1/NodePool': 'karpenter.sh-v1-nodepool.schema.json',
  'karpenter.k8s.aws/v1/EC2NodeClass': 'karpenter.k8s.aws-v1-ec2nodeclass.schema.json',
};
// strictRequired off: the schemas use `oneOf`/`anyOf` of `required` alone ("role or instanceProfile"), as CRDs do.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const jsonSchemas = new Map<string, ValidateFunction>(
  Object.entries(JSON_SCHEMA_FILES).map(([key, file]) => {
    const schema = JSON.parse(readFileSync(new URL(`../../generators/kubernetes/schemas/${file}`, import.meta.url), 'utf8')) as object;
    return [key, ajv.compile(schema)];
  }),
);

/** One line per ajv error, naming the offending key of a map (`labels`, `tags`) where that is the problem. */
function describeErrors(kind: string, errors: ErrorObject[]): string {
  return errors
    .map((e) => {
      const key = typeof e.params.propertyName === 'string' ? ` key "${e.params.propertyName}"` : '';
      return `${kind}${e.instancePath}${key} ${e.message ?? e.keyword}`;
    })
    .join('; ');
}

/** Kinds validated by a vendored schema subset of our own instead of a model class: `apiVersion/kind` → problems. */
const VENDORED: Record<string, (doc: SchemaDocument) => string[]> = { 'kyverno.io/v1/ClusterPolicy': clusterPolicyProblems };

/** apiVersions validated with the schema of another version (see the header). */
const SAME_SCHEMA_AS: Record<string, string> = { 'external-secrets.io/v1': 'external-secrets.io/v1beta1' };

export interface SchemaDocument {
  apiVersion: string;
  kind: string;
  [field: string]: unknown;
}

/** Throws a readable error when the document does not match its kind's schema or its kind is unknown. */
export function validateAgainstSchema(doc: SchemaDocument): void {
  const { kind } = doc;
  const validate = jsonSchemas.get(`${doc.apiVersion}/${kind}`);
  if (validate) {
    if (!validate(doc)) throw new Error(describeErrors(kind, validate.errors ?? []));
    return;
  }
  const vendored = VENDORED[`${doc.apiVersion}/${kind}`];
  if (vendored) {
    const problems = vendored(doc);
    if (problems.length > 0) throw new Error(problems.join('; '));
    return;
  }
  const apiVersion = SAME_SCHEMA_AS[doc.apiVersion] ?? doc.apiVersion;
  const Model = models.get(`${apiVersion}/${doc.kind}`);
  if (!Model) throw new Error(`no schema known for ${doc.apiVersion} ${doc.kind}`);
  new Model({ ...doc, apiVersion }).validate();
}

export function knownKinds(): string[] {
  return [...models.keys(), ...jsonSchemas.keys(), ...Object.keys(VENDORED)].sort();
}
