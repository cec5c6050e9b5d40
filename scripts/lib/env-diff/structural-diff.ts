/**
 * Field-level diff of two JSON-like values: changed paths with before → after values. Objects are
 * compared key by key, lists of objects by an identifying field (`name`, …) when every item has a
 * unique one (so inserting a container does not shift every later index), lists of plain values as
 * a whole, and JSON embedded in strings (IAM policies) structurally. Secret values never leave here.
 */
import { EMBEDDED_JSON, formatPath, isRecord, itemSegment, listIdentifier, type PathSegment } from './paths.js';
import { isHiddenValue, redact, type SensitivityRule } from './secrets.js';
import type { ChangeKind, FieldChange } from './types.js';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}

/** A JSON object or array inside a string, e.g. a rendered IAM policy. */
function embeddedJson(value: string): unknown {
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

class FieldDiff {
  readonly changes: FieldChange[] = [];
  constructor(private readonly rule: SensitivityRule) {}

  record(path: PathSegment[], change: ChangeKind, before: unknown, after: unknown): void {
    const hidden =
      (change !== 'added' && isHiddenValue(this.rule, path, before)) || (change !== 'removed' && isHiddenValue(this.rule, path, after));
    const field: FieldChange = { path: formatPath(path), change };
    if (hidden) field.sensitive = true;
    else {
      if (change !== 'added') field.before = redact(before, path, this.rule);
      if (change !== 'removed') field.after = redact(after, path, this.rule);
    }
    this.changes.push(field);
  }

  walk(before: unknown, after: unknown, path: PathSegment[]): void {
    if (deepEqual(before, after)) return;
    if (isRecord(before) && isRecord(after)) return this.walkObject(before, after, path);
    if (Array.isArray(before) && Array.isArray(after)) return this.walkList(before, after, path);
    if (typeof before === 'string' && typeof after === 'string') {
      const [innerBefore, innerAfter] = [embeddedJson(before), embeddedJson(after)];
      if (innerBefore !== undefined && innerAfter !== undefined) return this.walk(innerBefore, innerAfter, [...path, EMBEDDED_JSON]);
    }
    this.record(path, 'changed', before, after);
  }

  private walkObject(before: Record<string, unknown>, after: Record<string, unknown>, path: PathSegment[]): void {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      if (!(key in before)) this.record([...path, key], 'added', undefined, after[key]);
      else if (!(key in after)) this.record([...path, key], 'removed', before[key], undefined);
      else this.walk(before[key], after[key], [...path, key]);
    }
  }

  private walkList(before: unknown[], after: unknown[], path: PathSegment[]): void {
    const identifier = listIdentifier(before, after);
    if (identifier) {
      const keyOf = (item: unknown) => String((item as Record<string, unknown>)[identifier]);
      const afterByKey = new Map(after.map((item) => [keyOf(item), item]));
      const beforeKeys = new Set(before.map(keyOf));
      for (const item of before) {
        const segment = itemSegment(item, 0, identifier);
        const counterpart = afterByKey.get(keyOf(item));
        if (counterpart === undefined) this.record([...path, segment], 'removed', item, undefined);
        else this.walk(item, counterpart, [...path, segment]);
      }
      for (const item of after) {
        if (!beforeKeys.has(keyOf(item))) this.record([...path, itemSegment(item, 0, identifier)], 'added', undefined, item);
      }
      return;
    }
    if (before.every(isScalar) && after.every(isScalar)) return this.record(path, 'changed', before, after);
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++) {
      if (index >= after.length) this.record([...path, index], 'removed', before[index], undefined);
      else if (index >= before.length) this.record([...path, index], 'added', undefined, after[index]);
      else this.walk(before[index], after[index], [...path, index]);
    }
  }
}

/** The changed fields between two versions of one document, secrets hidden. */
export function diffFields(before: unknown, after: unknown, rule: SensitivityRule): FieldChange[] {
  const diff = new FieldDiff(rule);
  diff.walk(before, after, []);
  return diff.changes;
}
