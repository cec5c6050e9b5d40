/**
 * Runs rules over rendered files and applies exceptions. Pure: files, exceptions, rules and
 * today's date in, a report out, in a stable order.
 */
import { compareStrings } from '../../generators/sort.js';
import { groupDocuments, type PolicyFile } from './documents.js';
import { exceptionStatuses, type EnvironmentExceptions, type ExceptionStatus } from './exceptions.js';
import { TerraformEnvironment } from './terraform.js';
import type { EnvironmentDocuments, Rule, Violation } from './types.js';

export interface PolicyRun {
  files: readonly PolicyFile[];
  /** The environments in scope with their exceptions (only these exceptions are evaluated). */
  environments: readonly EnvironmentExceptions[];
  /** YYYY-MM-DD, from the caller's clock. */
  today: string;
  rules: readonly Rule[];
}

export interface Excused {
  violation: Violation;
  exception: ExceptionStatus;
}

export interface PolicyReport {
  /** Violations no exception excuses (errors and warnings). */
  violations: Violation[];
  /** Violations an exception in force excuses. */
  excused: Excused[];
  /** Every exception of the environments in scope, with its state and how much it excused. */
  exceptions: ExceptionStatus[];
  rules: number;
  /** The environments (and repository-wide null) that had rendered files. */
  environments: (string | null)[];
}

/** Sorts the run's environments in their (promotion) order, then others by name, then repository-wide files (null). */
function envKey(env: string | null, order: readonly string[]): string {
  if (env === null) return '2';
  const known = order.indexOf(env);
  return known >= 0 ? `0${String(known).padStart(6, '0')}` : `1${env}`;
}

export function compareViolations(a: Violation, b: Violation, order: readonly string[] = []): number {
  return (
    compareStrings(envKey(a.environment, order), envKey(b.environment, order)) ||
    compareStrings(a.file, b.file) ||
    compareStrings(a.resource, b.resource) ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.message, b.message)
  );
}

/**
 * The repository-wide group (environment null) is always evaluated, even when no repository-wide
 * file was rendered: rules about the toolchain itself (LIFE-001's Node.js pin) report there.
 */
function withRepositoryGroup(groups: Omit<EnvironmentDocuments, 'today'>[]): Omit<EnvironmentDocuments, 'today'>[] {
  if (groups.some((g) => g.environment === null)) return groups;
  return [...groups, { environment: null, tier: null, kubernetes: [], terraform: new TerraformEnvironment([]), atlantis: [] }];
}

export function runPolicies(run: PolicyRun): PolicyReport {
  const exceptions = exceptionStatuses(run.environments, run.today, run.rules);

  const rendered = groupDocuments(run.files, run.environments);
  const order = run.environments.map((env) => env.name);
  const groups = withRepositoryGroup(rendered).map((documents) => ({ ...documents, today: run.today }));
  const all: Violation[] = groups.flatMap((documents) =>
    run.rules.flatMap((rule) =>
      rule.check(documents).map((finding) => ({ ...finding, rule: rule.id, severity: rule.severity, environment: documents.environment })),
    ),
  );

  const violations: Violation[] = [];
  const excused: Excused[] = [];
  for (const violation of all.sort((a, b) => compareViolations(a, b, order))) {
    const exception = exceptions.find(
      (e) => e.state === 'in-force' && e.environment === violation.environment && e.rule === violation.rule && e.resource === violation.resource,
    );
    if (exception) {
      exception.matched++;
      excused.push({ violation, exception });
    } else violations.push(violation);
  }
  return { violations, excused, exceptions, rules: run.rules.length, environments: rendered.map((g) => g.environment) };
}

/** Error-level violations plus exceptions that are expired or name no rule: any of these fails the run. */
export function errorCount(report: PolicyReport): number {
  return report.violations.filter((v) => v.severity === 'error').length + report.exceptions.filter((e) => e.state !== 'in-force').length;
}
