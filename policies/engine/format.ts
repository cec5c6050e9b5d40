/** One line per violation or exception problem, naming rule, environment, file and resource. */
import type { ExceptionStatus } from './exceptions.js';
import { errorCount, type PolicyReport } from './run.js';
import type { Violation } from './types.js';

export function formatViolation(v: Violation): string {
  return `${v.severity} ${v.rule} ${v.environment ?? '-'} ${v.file} ${v.resource}: ${v.message}`;
}

function formatExceptionProblem(e: ExceptionStatus): string | undefined {
  const what = `${e.rule} ${e.environment} ${e.file} ${e.resource}`;
  if (e.state === 'expired') {
    return `error ${what}: ${e.path}.expires: policy exception expired on ${e.expires}; fix the violation or renew the exception with a new date`;
  }
  if (e.state === 'unknown-rule') return `error ${what}: ${e.path}.rule: policy exception names rule ${e.rule}, which does not exist`;
  if (e.matched === 0 && !e.admission) return `warning ${what}: ${e.path}: policy exception matches no violation; remove it`;
  return undefined;
}

export function formatExceptionInForce(e: ExceptionStatus): string {
  const scope = e.matched === 0 && e.admission ? ' (admission only: no generated object matches)' : '';
  return `${e.environment} ${e.rule} ${e.resource} until ${e.expires}${scope}: ${e.reason}`;
}

/** Problem lines: violations, then expired, unknown and unused exceptions. */
export function problemLines(report: PolicyReport): string[] {
  return [...report.violations.map(formatViolation), ...report.exceptions.flatMap((e) => formatExceptionProblem(e) ?? [])];
}

export function summaryLine(report: PolicyReport): string {
  const warnings = problemLines(report).length - errorCount(report);
  const excused = report.excused.length === 0 ? '' : `, ${report.excused.length} excused by exceptions`;
  return `${errorCount(report)} policy error(s), ${warnings} warning(s)${excused}.`;
}

/** Exceptions in force, one per line (an empty list when there are none). */
export function exceptionsInForceLines(report: PolicyReport): string[] {
  return report.exceptions.filter((e) => e.state === 'in-force').map(formatExceptionInForce);
}
