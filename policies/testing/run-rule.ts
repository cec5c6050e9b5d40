/** Runs one rule over fixture files, as the engine would, and returns what it found. */
import { groupDocuments, type KnownEnvironment, type PolicyFile } from '../engine/documents.js';
import type { Finding, Rule } from '../engine/types.js';

/** The synth date fixtures run on unless a case says otherwise. */
export const FIXTURE_TODAY = '2026-11-30';

/** The environments fixtures name, with their tiers (the repository's own files are never read here). */
export const FIXTURE_ENVIRONMENTS: readonly KnownEnvironment[] = [
  { name: 'dev', tier: 'development' },
  { name: 'staging', tier: 'pre-production' },
  { name: 'prod', tier: 'production' },
];

export function findings(rule: Rule, files: readonly PolicyFile[], today = FIXTURE_TODAY): Finding[] {
  return groupDocuments(files, FIXTURE_ENVIRONMENTS).flatMap((documents) => rule.check({ ...documents, today }));
}

/** A table-driven case: a fixture that passes the rule and one that fails it with exactly `expected`. */
export interface RuleCase {
  rule: Rule;
  /** What the failing fixture changes, for the test name. */
  name: string;
  pass: () => PolicyFile[];
  fail: () => PolicyFile[];
  expected: Finding[];
  /** The synth date both fixtures run on (default FIXTURE_TODAY). */
  today?: string;
}
