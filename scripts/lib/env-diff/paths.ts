/**
 * Field paths inside a document: object keys, list indexes, list items keyed by an identifier
 * (`containers[name=app]`, as dyff does) and JSON documents embedded in strings (IAM policies).
 */
import { joinPath } from '../../../generators/model/problem.js';

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Marks the step from a string into the JSON document it contains. */
export const EMBEDDED_JSON = Symbol('embedded-json');

export type PathSegment = string | number | { key: string; value: string } | typeof EMBEDDED_JSON;

/** Fields that identify list items, in order of preference. */
const LIST_IDENTIFIERS = ['name', 'secretKey', 'key', 'id'] as const;

/** The field that identifies every item of all given lists uniquely, if there is one. */
export function listIdentifier(...lists: unknown[][]): string | undefined {
  if (lists.every((list) => list.length === 0)) return undefined;
  return LIST_IDENTIFIERS.find((key) =>
    lists.every((list) => {
      const values = list.map((item) => (isRecord(item) ? item[key] : undefined));
      return values.every((v) => typeof v === 'string') && new Set(values).size === values.length;
    }),
  );
}

/** The path segment of a list item: keyed when the list has an identifier, else its index. */
export function itemSegment(item: unknown, index: number, identifier: string | undefined): PathSegment {
  return identifier && isRecord(item) ? { key: identifier, value: String(item[identifier]) } : index;
}

/** `spec.template.spec.containers[name=app].image`, `tags["kubernetes.io/role"]`, `policy(json).Statement[0]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (segment === EMBEDDED_JSON) text += '(json)';
    else if (typeof segment === 'object') text += `[${segment.key}=${segment.value}]`;
    else text = joinPath(text, segment);
  }
  return text;
}

/** A formatted path without list items and JSON markers: `a[0].b[name=x].c` → `a.b.c`, for matching rule tables. */
export function plainPath(formatted: string): string {
  return formatted.replace(/\[[^\]]*\]/g, '').replace(/\(json\)/g, '');
}
