import type { JSONSchemaType } from 'ajv';
import { describe, expect, it } from 'vitest';
import { environmentSchema } from './schema.js';
import type { Environment } from './types.js';

describe('the environment schema cannot drift from the Environment type', () => {
  it('is rejected by the compiler as the schema of a type with one more field', () => {
    // `pnpm typecheck` fails if this line stops being an error, i.e. if JSONSchemaType stopped
    // comparing the schema's properties with the type's fields.
    // @ts-expect-error the schema has no `extraField`, so it is not a schema for this type
    const drifted: JSONSchemaType<Environment & { extraField: string }> = environmentSchema;
    expect(drifted).toBe(environmentSchema);
  });

  it('requires exactly the fields the type requires', () => {
    expect([...environmentSchema.required].sort()).toEqual(
      [
        'addons', 'alerts', 'aws', 'budget', 'cache', 'dataLake', 'database', 'domain', 'eks', 'hostsPlatformTooling', 'kafka',
        'logRetentionDays', 'name', 'namespaces', 'network', 'owners', 'policyExceptions', 'promotesFrom', 'services', 'tier',
        'access', 'secrets', 'recovery', 'operations',
      ].sort(),
    );
  });
});
