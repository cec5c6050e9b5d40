/** Runs one rule over fixture files, as the engine would, and returns what it found. */
import { groupDocuments, type PolicyFile } from '../engine/documents.js';
import type { Finding, Rule } from '../engine/types.js';

export function findings(rule: Rule, files: readonly PolicyFile[]): Finding[] {
  return groupDocuments(files).flatMap((documents) => rule.check(documents));
}

/** A table-driven case: a fixture that passes the rule and one that fails it with exactly `expected`. */
export interface RuleCase {
  rule: Rule;
  /** What the failing fixture changes, for the test name. */
  name: string;
  pass: () => PolicyFile[];
  fail: () => PolicyFile[];
  expected: Finding[];
}
