import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentFileName, environmentFiles, SUPPORT_MODULES } from './environment-files.mjs';
import { discoverEnvironmentFiles } from './sources.js';

describe('which files are environments', () => {
  it('every environments/<name>.ts directly in the folder, except support modules and tests', () => {
    expect(environmentFileName('environments/qa.ts')).toBe('qa');
    expect(environmentFileName('environments/prod-eu.ts')).toBe('prod-eu');
    for (const name of SUPPORT_MODULES) expect(environmentFileName(`environments/${name}.ts`)).toBeUndefined();
    expect(environmentFileName('environments/schema.test.ts')).toBeUndefined();
    expect(environmentFileName('environments/qa/extra.ts')).toBeUndefined();
    expect(environmentFileName('services/qa.ts')).toBeUndefined();
    expect(environmentFileName('environments/qa.js')).toBeUndefined();
  });

  it('are listed by path, whatever the order given', () => {
    expect(environmentFiles(['environments/staging.ts', 'environments/types.ts', 'environments/dev.ts', 'README.md'])).toEqual(['environments/dev.ts', 'environments/staging.ts']);
  });

  it('are discovered from the folder of a repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'environment-files-'));
    try {
      mkdirSync(join(root, 'environments', 'notes'), { recursive: true });
      for (const file of ['prod-us.ts', 'prod-eu.ts', 'types.ts', 'versions.ts', 'schema.test.ts', 'README.md']) writeFileSync(join(root, 'environments', file), '');
      expect(discoverEnvironmentFiles(root)).toEqual(['environments/prod-eu.ts', 'environments/prod-us.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
