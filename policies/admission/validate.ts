/**
 * Validates generated ClusterPolicies against the vendored subset of Kyverno's CRD schema
 * (kyverno-cluster-policy.schema.json; no Node 20 package models Kyverno 1.13+).
 */
import type { ErrorObject } from 'ajv';
import { validator as compiledValidator } from '../../generators/model/validators.js';

const validator = compiledValidator('kyvernoClusterPolicy');

/** Problems as `<path>: <message>`; empty when the document is valid. */
export function clusterPolicyProblems(document: unknown): string[] {
  if (validator(document)) return [];
  return (validator.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}
