import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../../tests/support/tree.js';
import { discoverServiceFiles, formatSourceProblem, locateImportError, SourceLoadError } from './sources.js';

let root: string;
beforeEach(() => (root = tempDir()));
afterEach(() => removeDir(root));

describe('discoverServiceFiles', () => {
  it('finds every services/<folder>/service.ts in folder-name order (code points, not creation order); a folder without one is a problem', () => {
    for (const folder of ['zeta', 'alpha', 'Beta', 'no-service', '.hidden']) mkdirSync(join(root, 'services', folder), { recursive: true });
    for (const folder of ['zeta', 'alpha', 'Beta', '.hidden']) writeFileSync(join(root, 'services', folder, 'service.ts'), '');
    writeFileSync(join(root, 'services/define-service.ts'), '');
    const found = discoverServiceFiles(root);
    expect(found.files).toEqual(['services/Beta/service.ts', 'services/alpha/service.ts', 'services/zeta/service.ts']);
    expect(found.problems.map(formatSourceProblem)).toEqual([
      'services/no-service/: a service folder needs services/no-service/service.ts exporting its defineService({...}) (or remove the folder)',
    ]);
  });
});

describe('locateImportError', () => {
  const file = 'services/x/service.ts';

  it('a syntax error as tsx (esbuild) reports it: every error at its own line and column', () => {
    const error = new Error(`Transform failed with 2 errors:\n${root}/services/x/service.ts:3:5: ERROR: Unexpected ","\n${root}/services/x/service.ts:9:1: ERROR: Expected "}" but found end of file`);
    expect(locateImportError(root, file, error).map(formatSourceProblem)).toEqual([
      'services/x/service.ts:3:5: syntax error: Unexpected ","',
      'services/x/service.ts:9:1: syntax error: Expected "}" but found end of file',
    ]);
  });

  it('an exception at import: the frame in the file being loaded, whatever threw deeper', () => {
    const error = new TypeError('cannot read properties of undefined (reading \'x\')');
    error.stack = [
      `TypeError: ${error.message}`,
      `    at helper (file://${root}/services/shared.ts:4:10)`,
      `    at <anonymous> (file://${root}/services/x/service.ts:12:7)`,
      `    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)`,
      `    at async importSource (${root}/scripts/lib/sources.ts:99:23)`,
    ].join('\n');
    expect(locateImportError(root, file, error).map(formatSourceProblem)).toEqual([
      "services/x/service.ts:12:7: TypeError: cannot read properties of undefined (reading 'x')",
    ]);
  });

  it('a failure in a file the source imports names that file and says which source it was loading', () => {
    const error = new ReferenceError('chartVersoins is not defined');
    error.stack = `ReferenceError: chartVersoins is not defined\n    at <anonymous> (${root}/environments/versions.ts:7:3)\n    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)`;
    expect(locateImportError(root, 'environments/dev.ts', error).map(formatSourceProblem)).toEqual([
      'environments/versions.ts:7:3: ReferenceError: chartVersoins is not defined (while loading environments/dev.ts)',
    ]);
  });

  it('a missing export: the import line, the caret as column', () => {
    const error = new SyntaxError("The requested module './versions.js' does not provide an export named 'chartVersoins'");
    error.stack = `${root}/environments/prod.ts:2\nimport { chartVersoins } from './versions.js';\n         ^\n\nSyntaxError: ${error.message}\n    at ModuleJob._instantiate (node:internal/modules/esm/module_job:213:21)`;
    expect(locateImportError(root, 'environments/prod.ts', error).map(formatSourceProblem)).toEqual([
      "environments/prod.ts:2:10: SyntaxError: The requested module './versions.js' does not provide an export named 'chartVersoins'",
    ]);
  });

  it('a thrown non-error or an error without a repository frame is still one line at the file', () => {
    expect(locateImportError(root, file, 'just a string').map(formatSourceProblem)).toEqual(['services/x/service.ts:1:1: threw just a string while loading']);
    const error = new Error('multi\nline');
    error.stack = 'Error: multi\nline\n    at node:internal/x:1:1';
    expect(locateImportError(root, file, error).map(formatSourceProblem)).toEqual(['services/x/service.ts:1:1: Error: multi line']);
  });
});

describe('SourceLoadError', () => {
  it('one sorted, de-duplicated line per problem and a summary line', () => {
    const problem = { file: 'b.ts', line: 1, column: 2, message: 'x' };
    expect(new SourceLoadError([problem, { file: 'a.ts', message: 'y' }, problem]).message).toBe('a.ts: y\nb.ts:1:2: x\n2 source problem(s) found; nothing was written.');
  });
});
