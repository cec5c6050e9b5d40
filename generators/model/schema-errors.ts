/** Turns ajv errors into one readable problem each: the field path and what was expected. */
import type { ErrorObject } from 'ajv';
import { EXPECTED_BY_PATTERN } from '../../environments/patterns.js';
import { joinPath, type Problem } from './problem.js';

function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<string>((path, segment) => joinPath(path, segment), '');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

export function schemaProblems(file: string, errors: ErrorObject[]): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    const path = pointerToPath(error.instancePath);
    const params = error.params as Record<string, unknown>;
    const got = ` (got ${describe(error.data)})`;
    const keyName = (error as ErrorObject & { propertyName?: string }).propertyName;
    if (error.keyword === 'propertyNames' || error.keyword === 'if') continue;
    if (keyName !== undefined) {
      const expected = EXPECTED_BY_PATTERN.get(String(params.pattern)) ?? `a key matching ${String(params.pattern)}`;
      problems.push({ file, path: joinPath(path, keyName), message: `invalid key; expected ${expected}` });
      continue;
    }
    switch (error.keyword) {
      case 'required':
        problems.push({ file, path: joinPath(path, String(params.missingProperty)), message: 'is required' });
        break;
      case 'additionalProperties':
        problems.push({ file, path: joinPath(path, String(params.additionalProperty)), message: 'is not a known field' });
        break;
      case 'type':
        problems.push({ file, path, message: `expected ${article(String(params.type))}${got}` });
        break;
      case 'enum':
        problems.push({
          file,
          path,
          message: `expected one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${got}`,
        });
        break;
      case 'pattern': {
        const expected = EXPECTED_BY_PATTERN.get(String(params.pattern)) ?? `a value matching ${String(params.pattern)}`;
        problems.push({ file, path, message: `expected ${expected}${got}` });
        break;
      }
      case 'minimum':
      case 'maximum':
        problems.push({ file, path, message: `expected a number ${String(params.comparison)} ${String(params.limit)}${got}` });
        break;
      case 'minItems':
        problems.push({ file, path, message: `expected at least ${String(params.limit)} item(s)` });
        break;
      case 'minLength':
        problems.push({ file, path, message: 'expected a non-empty string' });
        break;
      default:
        problems.push({ file, path, message: error.message ?? `fails ${error.keyword}` });
    }
  }
  return problems;
}
