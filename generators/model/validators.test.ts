/**
 * The prebuilt bundle replaces generators/model/validators.ts with ajv standalone code generated from
 * the same specs (scripts/bundle/standalone-validators.mjs). This holds the premise: for every
 * validator, the standalone code accepts and rejects exactly what the runtime-compiled validator
 * does, with deep-equal errors (what every message is made from). Inputs are small fixtures, wrong
 * in many ways at once; the bundle's own plumbing is tested in tests/prebuilt-bundle.test.ts.
 */
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { validator, validatorSpecs, type ValidatorName } from './validators.js';

const require = createRequire(import.meta.url);
/** ajv's standaloneCode, however this CommonJS module's default export is presented. */
const standaloneCode = ((standalone as unknown as { default?: unknown }).default ?? standalone) as (ajv: Ajv, validate: unknown) => string;

/** The standalone validator, as the build generates it (CommonJS here, to evaluate it in place). */
function standaloneValidator(name: ValidatorName): (data: unknown) => boolean {
  const spec = validatorSpecs[name];
  const ajv = new Ajv({ ...spec.options, code: { source: true } });
  const code = standaloneCode(ajv, ajv.compile(spec.schema as object));
  const module = { exports: {} as { default?: (data: unknown) => boolean } };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports.default!;
}

const FIXTURES: unknown[] = [
  null,
  'text',
  [],
  {},
  { name: 5, team: 'Not A Label', port: '8080', unknownField: true },
  { name: 'dev', aws: { accountId: 'x', region: 42 }, network: { vpcCidr: '10.0.0.0/99' }, services: { a: { replicas: -1 } } },
  { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 7 }, spec: { rules: [{ name: '', validate: { failureAction: 'Sometimes' } }], background: 'yes' } },
];

describe('standalone validators', () => {
  for (const name of Object.keys(validatorSpecs) as ValidatorName[]) {
    it(`${name}: same verdict and same errors as the compiled validator`, () => {
      const compiled = validator(name);
      const generated = standaloneValidator(name) as ((data: unknown) => boolean) & { errors?: unknown };
      let rejected = 0;
      for (const fixture of FIXTURES) {
        const verdict = compiled(fixture);
        expect(generated(fixture)).toBe(verdict);
        expect(generated.errors ?? null).toEqual(compiled.errors ?? null);
        if (!verdict) rejected++;
      }
      expect(rejected).toBeGreaterThan(0);
    });
  }
});
