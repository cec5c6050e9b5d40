/**
 * A fast YAML emitter for generated documents: the same bytes as `yaml`'s `stringify(value,
 * { lineWidth: 0, minContentWidth: 0, indent: 2, aliasDuplicateObjects: false })` for the values
 * generators produce (plain objects, arrays, strings, finite numbers, booleans, null), about five
 * times faster because it builds no node tree. It follows `yaml`'s own rules (stringifyString.js,
 * stringifyPair.js, stringifyCollection.js of yaml 2.x): plain scalars unless they would read back as
 * something else or contain an indicator, then single or double quotes as `yaml` chooses, and
 * literal block scalars for multi-line strings. Anything else it returns undefined for (control
 * characters, a key over 1,024 characters or with a line break, a block scalar that keeps trailing
 * line breaks or ends in spaces, document markers, non-finite numbers, undefined in a list, any other
 * type), and the caller renders that document with `yaml` itself: never a guess.
 * generators/yaml-emitter.test.ts compares both over every document of the repository and tricky values.
 */
import { Document } from 'yaml';

/** Thrown inside the emitter when a value is not one it reproduces exactly. */
class Unsupported extends Error {}

const INDENT_STEP = '  ';
/** `yaml`'s core-schema tags other than str (null, bool, int, float, …): a plain string they would read must be quoted. */
const nonStringTags = (() => {
  const schema = new Document().schema as unknown as { tags: Tag[]; compat?: Tag[] | null };
  return [...schema.tags, ...(schema.compat ?? [])].filter((tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test);
})();
interface Tag {
  default?: boolean | 'key';
  tag: string;
  test?: RegExp;
}

const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

/** Single-line quoted scalar, as `yaml`'s quotedString chooses it (singleQuote unset). */
function quoted(value: string): string {
  const hasDouble = value.includes('"');
  const hasSingle = value.includes("'");
  if (hasDouble && !hasSingle) return `'${value.replace(/'/g, "''")}'`;
  // Without control characters or lone surrogates, JSON's escapes are exactly yaml's double-quoted ones.
  return JSON.stringify(value);
}

function readsAsOtherType(value: string): boolean {
  for (const tag of nonStringTags) if (tag.test!.test(value)) return true;
  return false;
}

function key(value: string): string {
  if (value.length > 1000 || value.includes('\n') || CONTROL.test(value) || DOCUMENT_MARKER.test(value)) throw new Unsupported();
  return NOT_PLAIN.test(value) || value === '' || readsAsOtherType(value) ? quoted(value) : value;
}

/** A literal block scalar (`|`, `|-`), `yaml`'s blockString with lineWidth 0; `indent` is the scalar's own indentation. */
function block(value: string, indent: string): string {
  if (/\n[\t ]+$/.test(value)) throw new Unsupported(); // yaml writes a multi-line double-quoted string
  let endStart = value.length;
  while (endStart > 0 && ['\n', '\t', ' '].includes(value[endStart - 1]!)) endStart--;
  let end = value.substring(endStart);
  const endNl = end.indexOf('\n');
  let chomp: string;
  if (endNl === -1) chomp = '-';
  else if (value === end || endNl !== end.length - 1) throw new Unsupported(); // keep chomping: `+`
  else chomp = '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
  }
  let startWithSpace = false;
  let startEnd = 0;
  let startNl = -1;
  for (; startEnd < value.length; startEnd++) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNl = startEnd;
    else break;
  }
  let start = value.substring(0, startNl < startEnd ? startNl + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startWithSpace ? '2' : '') + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

/** A string value (not a key) at indentation `indent`. */
function string(value: string, indent: string): string {
  if (CONTROL.test(value)) throw new Unsupported();
  if (NOT_PLAIN.test(value) || value === '') return value.includes('\n') ? block(value, indent) : quoted(value);
  if (value.includes('\n')) return block(value, indent);
  if (DOCUMENT_MARKER.test(value)) throw new Unsupported();
  return readsAsOtherType(value) ? quoted(value) : value;
}

function scalar(value: unknown, indent: string): string {
  if (typeof value === 'string') return string(value, indent);
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return Object.is(value, -0) ? '-0' : JSON.stringify(value);
  throw new Unsupported();
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** A node whose lines start at `indent` (its first line is written after its key or dash). */
function node(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const itemIndent = indent + INDENT_STEP;
    return value
      .map((item) => {
        if (item === undefined) throw new Unsupported();
        return `- ${node(item, itemIndent)}`;
      })
      .join(`\n${indent}`);
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const valueIndent = indent + INDENT_STEP;
    let out = '';
    for (let i = 0; i < keys.length; i++) {
      const name = keys[i]!;
      const inner = value[name];
      if (inner === undefined) throw new Unsupported();
      if (i > 0) out += `\n${indent}`;
      out += `${key(name)}:`;
      if (Array.isArray(inner) ? inner.length > 0 : isPlainObject(inner) && Object.keys(inner).length > 0) out += `\n${valueIndent}${node(inner, valueIndent)}`;
      else out += ` ${node(inner, valueIndent)}`;
    }
    return out;
  }
  return scalar(value, indent);
}

/**
 * The YAML text `yaml` would write for `value` (trailing whitespace trimmed, as the renderer uses
 * it), or undefined when the value holds something this emitter does not reproduce exactly.
 */
export function emitYaml(value: unknown): string | undefined {
  if (!Array.isArray(value) && !isPlainObject(value)) return undefined;
  try {
    return node(value, '').trimEnd();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
