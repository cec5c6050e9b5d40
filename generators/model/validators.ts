/**
 * Every ajv validator of the toolchain, by name: its schema and options in one place, compiled on
 * first use. The prebuilt command bundle (scripts/bundle/build.mjs) replaces this module with the
 * same validators as ajv standalone code generated at build time from these specs, so a command run
 * from it compiles no schema; messages are the same, ajv generates the same code either way.
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { environmentSchema } from '../../environments/schema.js';
import type { Environment } from '../../environments/types.js';
import kyvernoClusterPolicySchema from '../../policies/admission/kyverno-cluster-policy.schema.json' with { type: 'json' };
import { serviceSchema } from '../../services/schema.js';
import type { ServiceDefinition } from '../../services/types.js';

const MODEL_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true };

/** Each validator's schema and ajv options (the build compiles each with its own ajv instance, as here). */
export const validatorSpecs = {
  environment: { schema: environmentSchema, options: MODEL_OPTIONS },
  service: { schema: serviceSchema, options: MODEL_OPTIONS },
  /** Generated ClusterPolicies against the vendored subset of Kyverno's CRD schema. */
  kyvernoClusterPolicy: { schema: kyvernoClusterPolicySchema, options: { allErrors: true, strict: false } },
} as const;

export type ValidatorName = keyof typeof validatorSpecs;

interface Validated {
  environment: Environment;
  service: ServiceDefinition;
  kyvernoClusterPolicy: unknown;
}

const compiled = new Map<ValidatorName, ValidateFunction>();

/** The named validator, compiled once per process. */
export function validator<N extends ValidatorName>(name: N): ValidateFunction<Validated[N]> {
  let validate = compiled.get(name);
  if (!validate) {
    const spec = validatorSpecs[name];
    validate = new Ajv(spec.options).compile(spec.schema as object);
    compiled.set(name, validate);
  }
  return validate as ValidateFunction<Validated[N]>;
}
