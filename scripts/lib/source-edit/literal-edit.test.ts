import { describe, expect, it } from 'vitest';
import { environmentObject } from './environment-object.js';
import { appendString, applyEdits, defineServiceObject, LiteralEditError, parseSource, removeProperty, replaceString, setStringProperty, stringAt, stringsAt } from './literal-edit.js';

const SERVICE = `import { defineService } from '../define-service.js';

/** A fixture service. */
export const thing = defineService({
  name: 'thing', // the name
  dependencies: { calls: ['a', 'b'], none: [] },
  environments: {
    // comments stay
    dev: { imageTag: '1.0.0' },
    'qa-eu': { imageTag: "1.1.0", replicas: { min: 1, max: 2 } },
    prod: { imageTag: TAG },
  },
});
`;

const ENV = `import { chartVersions } from './versions.js';
export const helper = { name: 'other' };
export const qa: Environment = {
  name: 'qa',
  addons: { ...chartVersions, kyverno: '3.9.1', 'metrics-server': '3.13.1' },
  other: { ...chartVersions },
};
`;

function edited(text: string, edit: (p: ReturnType<typeof parseSource>) => Parameters<typeof applyEdits>[1]) {
  const parsed = parseSource('services/thing/service.ts', text);
  return applyEdits(text, edit(parsed));
}

describe('literal edits through the TypeScript parser', () => {
  it('replaces one string literal and keeps every other byte', () => {
    const after = edited(SERVICE, (p) => [replaceString(p, defineServiceObject(p), ['environments', 'qa-eu', 'imageTag'], '2.0.0')]);
    expect(after).toBe(SERVICE.replace(`"1.1.0"`, `'2.0.0'`));
  });

  it('reads strings and string arrays, and says when a property is absent', () => {
    const p = parseSource('services/thing/service.ts', SERVICE);
    const object = defineServiceObject(p);
    expect(stringAt(p, object, ['environments', 'dev', 'imageTag'])).toBe('1.0.0');
    expect(stringAt(p, object, ['environments', 'staging', 'imageTag'])).toBeUndefined();
    expect(stringsAt(p, object, ['dependencies', 'calls'])).toEqual(['a', 'b']);
  });

  it('refuses a value that is not a literal, naming the file and field', () => {
    const p = parseSource('services/thing/service.ts', SERVICE);
    expect(() => replaceString(p, defineServiceObject(p), ['environments', 'prod', 'imageTag'], '2.0.0')).toThrow(LiteralEditError);
    expect(() => replaceString(p, defineServiceObject(p), ['environments', 'prod', 'imageTag'], '2.0.0')).toThrow(
      'services/thing/service.ts: environments.prod.imageTag: expected a string literal the command can edit; change it by hand',
    );
    expect(() => defineServiceObject(parseSource('x.ts', 'export const a = 1;'))).toThrow('x.ts: expected one defineService({...})');
  });

  it('appends to an array literal, empty or not', () => {
    expect(edited(SERVICE, (p) => [appendString(p, defineServiceObject(p), ['dependencies', 'calls'], 'c-d')])).toBe(SERVICE.replace(`['a', 'b']`, `['a', 'b', 'c-d']`));
    expect(edited(SERVICE, (p) => [appendString(p, defineServiceObject(p), ['dependencies', 'none'], 'x')])).toBe(SERVICE.replace(`none: []`, `none: ['x']`));
  });

  it('sets, adds and removes properties of an environment object (found by its name, not the export)', () => {
    const p = parseSource('environments/qa.ts', ENV);
    const object = environmentObject(p, 'qa');
    expect(applyEdits(ENV, [setStringProperty(p, object, ['addons'], 'kyverno', '3.9.2')])).toBe(ENV.replace(`kyverno: '3.9.1'`, `kyverno: '3.9.2'`));
    expect(applyEdits(ENV, [setStringProperty(p, object, ['addons'], 'external-dns', '1.2.3')])).toBe(ENV.replace(`'metrics-server': '3.13.1' }`, `'metrics-server': '3.13.1', 'external-dns': '1.2.3' }`));
    expect(applyEdits(ENV, [setStringProperty(p, object, ['other'], 'velero', '9.0.0')])).toBe(ENV.replace(`other: { ...chartVersions }`, `other: { ...chartVersions, velero: '9.0.0' }`));
    expect(applyEdits(ENV, [removeProperty(p, object, ['addons'], 'kyverno')!])).toBe(ENV.replace(`, kyverno: '3.9.1'`, ''));
    expect(applyEdits(ENV, [removeProperty(p, object, ['addons'], 'metrics-server')!])).toBe(ENV.replace(`, 'metrics-server': '3.13.1'`, ''));
    expect(removeProperty(p, object, ['addons'], 'velero')).toBeUndefined();
    expect(() => environmentObject(p, 'prod')).toThrow("environments/qa.ts: expected an exported object literal with name: 'prod'");
  });

  it('applies several edits of one file in any order, and refuses overlapping ones', () => {
    const p = parseSource('services/thing/service.ts', SERVICE);
    const object = defineServiceObject(p);
    const edits = [replaceString(p, object, ['environments', 'dev', 'imageTag'], '9'), appendString(p, object, ['dependencies', 'calls'], 'z')];
    expect(applyEdits(SERVICE, edits)).toBe(applyEdits(SERVICE, [...edits].reverse()));
    expect(() => applyEdits(SERVICE, [edits[0]!, edits[0]!])).toThrow('overlapping');
  });
});
