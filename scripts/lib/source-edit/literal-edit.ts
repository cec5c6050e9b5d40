/**
 * Precise edits of the object literals in environment and service sources, through the TypeScript
 * compiler's parser (never a regular expression over code): find a property by its path, then
 * replace one string literal, add or remove one property, or append one string to an array. Each
 * edit is a text span; everything around it (comments, layout, other fields) is kept byte for byte.
 * A value that is not a literal (a spread variable, a function call, a computed key) cannot be
 * edited safely: that is a LiteralEditError naming the file and field, and the user edits by hand.
 */
import ts from 'typescript';
import { UsageError } from '../cli.js';

export class LiteralEditError extends UsageError {}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface ParsedSource {
  file: string;
  text: string;
  source: ts.SourceFile;
}

export function parseSource(file: string, text: string): ParsedSource {
  return { file, text, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) };
}

/** Applies non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  sorted.forEach((edit, i) => {
    const next = sorted[i + 1];
    if (next && next.end > edit.start) throw new Error('overlapping source edits');
  });
  return sorted.reduce((out, edit) => out.slice(0, edit.start) + edit.text + out.slice(edit.end), text);
}

const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node;

/** The object literal passed to `defineService(...)`, the one call of the file. */
export function defineServiceObject(parsed: ParsedSource): ts.ObjectLiteralExpression {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineService') {
      const argument = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
      if (argument && ts.isObjectLiteralExpression(argument)) found = argument;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(parsed.source);
  if (!found) throw new LiteralEditError(`${parsed.file}: expected one defineService({...}) with an object literal to edit`);
  return found;
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  if (!ts.isPropertyAssignment(property)) return undefined;
  const name = property.name;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

export function findProperty(object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return object.properties.find((p) => propertyName(p) === name) as ts.PropertyAssignment | undefined;
}

/** The literal at `path` below `object` (`['environments', 'prod', 'imageTag']`); undefined when a step is missing. */
export function literalAt(parsed: ParsedSource, object: ts.ObjectLiteralExpression, path: readonly string[]): ts.Expression | undefined {
  let current: ts.Expression = object;
  for (const [i, step] of path.entries()) {
    if (!ts.isObjectLiteralExpression(current)) throw notLiteral(parsed, path.slice(0, i), 'an object literal');
    const property = findProperty(current, step);
    if (!property) return undefined;
    current = unwrap(property.initializer);
  }
  return current;
}

function notLiteral(parsed: ParsedSource, path: readonly string[], what: string): LiteralEditError {
  return new LiteralEditError(`${parsed.file}: ${path.join('.') || '<root>'}: expected ${what} the command can edit; change it by hand`);
}

/** The object literal at `path` (which must exist). */
export function objectAt(parsed: ParsedSource, root: ts.ObjectLiteralExpression, path: readonly string[]): ts.ObjectLiteralExpression {
  const node = literalAt(parsed, root, path);
  if (!node || !ts.isObjectLiteralExpression(node)) throw notLiteral(parsed, path, 'an object literal');
  return node;
}

/** The string value at `path`, or undefined when the property is absent. */
export function stringAt(parsed: ParsedSource, root: ts.ObjectLiteralExpression, path: readonly string[]): string | undefined {
  const node = literalAt(parsed, root, path);
  if (node === undefined) return undefined;
  if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node)) throw notLiteral(parsed, path, 'a string literal');
  return node.text;
}

/** A single-quoted TypeScript string literal, as the repository writes them. */
export function quote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** A property key as the repository writes it: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}

/** Replaces the string literal at `path` (which must exist) by `value`. */
export function replaceString(parsed: ParsedSource, root: ts.ObjectLiteralExpression, path: readonly string[], value: string): TextEdit {
  const node = literalAt(parsed, root, path);
  if (!node || (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node))) throw notLiteral(parsed, path, 'a string literal');
  return { start: node.getStart(parsed.source), end: node.getEnd(), text: quote(value) };
}

/**
 * Sets property `name` of the object literal at `path` to the string `value`: replaces its literal
 * when present, otherwise adds `name: 'value'` as the object's last property, on the same line.
 */
export function setStringProperty(parsed: ParsedSource, root: ts.ObjectLiteralExpression, path: readonly string[], name: string, value: string): TextEdit {
  const object = objectAt(parsed, root, path);
  if (findProperty(object, name)) return replaceString(parsed, root, [...path, name], value);
  const last = object.properties.at(-1);
  const entry = `${propertyKey(name)}: ${quote(value)}`;
  if (!last) return { start: object.getStart(parsed.source), end: object.getEnd(), text: `{ ${entry} }` };
  return { start: last.getEnd(), end: last.getEnd(), text: `, ${entry}` };
}

/** Removes property `name` of the object literal at `path` with its separating comma; undefined when absent. */
export function removeProperty(parsed: ParsedSource, root: ts.ObjectLiteralExpression, path: readonly string[], name: string): TextEdit | undefined {
  const object = objectAt(parsed, root, path);
  const index = object.properties.findIndex((p) => propertyName(p) === name);
  if (index === -1) return undefined;
  const property = object.properties[index]!;
  if (index > 0) return { start: object.properties[index - 1]!.getEnd(), end: property.getEnd(), text: '' };
  const next = object.properties[1];
  return { start: property.getStart(parsed.source), end: next ? next.getStart(parsed.source) : property.getEnd(), text: '' };
}

/** Appends the string `value` to the array literal at `path` (which must exist). */
export function appendString(parsed: ParsedSource, root: ts.ObjectLiteralExpression, path: readonly string[], value: string): TextEdit {
  const node = literalAt(parsed, root, path);
  if (!node || !ts.isArrayLiteralExpression(node)) throw notLiteral(parsed, path, 'an array literal');
  const last = node.elements.at(-1);
  if (!last) return { start: node.getStart(parsed.source), end: node.getEnd(), text: `[${quote(value)}]` };
  return { start: last.getEnd(), end: last.getEnd(), text: `, ${quote(value)}` };
}

/** The string elements of the array literal at `path`. */
export function stringsAt(parsed: ParsedSource, root: ts.ObjectLiteralExpression, path: readonly string[]): string[] {
  const node = literalAt(parsed, root, path);
  if (!node || !ts.isArrayLiteralExpression(node)) throw notLiteral(parsed, path, 'an array literal');
  return node.elements.map((element, i) => {
    if (!ts.isStringLiteral(element)) throw notLiteral(parsed, [...path, String(i)], 'a string literal');
    return element.text;
  });
}
