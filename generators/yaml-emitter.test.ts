/**
 * The fast YAML emitter writes exactly what `yaml` writes, on values chosen to hit every quoting and
 * block rule, and returns undefined (the renderer then uses `yaml`) for what it does not reproduce.
 * tests/invariants/yaml-emitter.test.ts compares both over every document of the repository.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { canonicalize, renderYamlDocument, YAML_OPTIONS } from './render.js';
import { emitYaml } from './yaml-emitter.js';

const reference = (value: unknown) => stringify(value, YAML_OPTIONS).trimEnd();

const TRICKY_STRINGS = [
  '', ' ', 'plain', 'two words', 'a: b', 'a:b', 'a #b', 'a#b', '#comment', 'ends with colon:', 'trailing space ', ' leading space',
  '-', '- item', '-dash', '?', '? x', ':', ':x', '[', 'a[0]', '{x}', 'a,b', ',', '&anchor', '*alias', '!tag', '|', '>', "'", '"',
  "it's", 'say "hi"', `both ' and "`, '%percent', '@at', '`tick`', '---', '--- x', '...', 'a\n---\nb', '%YAML',
  'true', 'false', 'True', 'FALSE', 'yes', 'no', 'on', 'off', 'null', 'Null', '~', 'NULL',
  '0', '42', '-7', '+7', '007', '0o17', '0x1F', '1.5', '.5', '1e3', '1E-3', '.inf', '-.Inf', '.nan', '1_000', '8080', '1.2.3', 'v1', '2026-11-30',
  '*', 'cpu: "1"', 'x\ty', '\tlead tab', 'ünïcödé', '日本語', 'emoji 🚀', 'a\\b', 'back\\slash"q', 'arn:aws:iam::123456789012:role/x',
  'line one\nline two', 'line one\nline two\n', 'trailing newlines\n\n', '\nleading newline', '  indented\nblock', 'a\n  more\nless',
  'spaces at end  ', 'spaces at end\nof block  ', 'tab at end\t', 'block\nending in spaces\n  ', 'a\n\n\nb', 'x\n#y', 'key: value\nother: thing\n',
  'control\u0001char', 'del\u007f', 'nel\u0085', 'nbsp\u00a0space', 'lone \ud800 surrogate', '\u2028sep', 'x'.repeat(1200),
];

describe('emitYaml', () => {
  it('writes every tricky string exactly as yaml does, as a value, a key, a list item and a nested value', () => {
    let emitted = 0;
    for (const text of TRICKY_STRINGS) {
      for (const value of [{ key: text }, { [text]: 'value' }, { list: [text, { inner: text }] }, [[text]], { a: { b: [{ c: text, d: [text] }] } }]) {
        const fast = emitYaml(value);
        if (fast !== undefined) {
          emitted++;
          expect(fast, JSON.stringify(value)).toBe(reference(value));
        }
        expect(renderYamlDocument(value), JSON.stringify(value)).toBe(reference(canonicalize(value)));
      }
    }
    // Most of them are the emitter's own, not the fallback's.
    expect(emitted).toBeGreaterThan(TRICKY_STRINGS.length * 4);
  });

  it('writes numbers, booleans, null, empty collections and nesting exactly as yaml does', () => {
    const values: unknown[] = [
      { int: 1, negative: -3, zero: 0, negativeZero: -0, float: 1.5, small: 1e-7, large: 1e21, max: Number.MAX_SAFE_INTEGER },
      { yes: true, no: false, nothing: null },
      { emptyMap: {}, emptyList: [], listOfEmpties: [{}, [], null], nested: { deeper: { deepest: [] } } },
      [{ a: 1, b: [1, 2, [3, [4]]] }, 'x', [], {}],
      { list: [[], [[]], [{ x: [{ y: {} }] }]] },
      {},
      [],
    ];
    for (const value of values) {
      expect(emitYaml(value), JSON.stringify(value)).toBe(reference(value));
    }
  });

  it('returns undefined for what it does not reproduce, and the renderer falls back to yaml', () => {
    const unsupported: unknown[] = [
      { control: 'a\u0001b' },
      { keep: 'ends with two newlines\n\n' },
      { marker: '--- document marker' },
      { infinite: Number.POSITIVE_INFINITY },
      { notANumber: Number.NaN },
      { list: [undefined] },
      { long: { ['k'.repeat(1100)]: 1 } },
      { ['multi\nline key']: 1 },
      { date: new Date(0) },
      { big: 10n },
      'a bare string',
    ];
    for (const value of unsupported) {
      expect(emitYaml(value), String(Object.keys(value as object))).toBeUndefined();
    }
    expect(renderYamlDocument({ keep: 'x\n\n', control: 'a\u0001b' })).toBe(reference({ control: 'a\u0001b', keep: 'x\n\n' }));
  });
});
