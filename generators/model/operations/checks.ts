/**
 * Checks of `operations` (environments/operations.ts) that the JSON Schema cannot express: window
 * lengths and overlaps, alert routes that reach existing receivers and cover every team, and one
 * account audit (trail and GuardDuty detector) per AWS account.
 */
import { ALERT_TOPIC_RECEIVER, NULL_RECEIVER } from '../../../environments/operations.js';
import type { Environment } from '../../../environments/types.js';
import type { Problem } from '../problem.js';
import type { Sourced } from '../service-checks.js';
import { dailyWindow, overlap, weeklyWindow } from './windows.js';

type Report = (path: string, message: string) => void;

/** Minimum window lengths AWS accepts. */
const MINIMUM_MINUTES = { database: 30, databaseBackup: 30, cache: 60, cacheSnapshot: 60 } as const;

export function checkMaintenanceWindows(env: Environment, report: Report): void {
  const windows = env.operations.maintenance;
  const pairs = [
    { weekly: 'database', daily: 'databaseBackup', service: 'Aurora' },
    { weekly: 'cache', daily: 'cacheSnapshot', service: 'ElastiCache' },
  ] as const;
  for (const { weekly, daily, service } of pairs) {
    const maintenance = weeklyWindow(windows[weekly]);
    const backups = dailyWindow(windows[daily]);
    if (maintenance && maintenance.minutes < MINIMUM_MINUTES[weekly]) {
      report(`operations.maintenance.${weekly}`, `expected a window of at least ${MINIMUM_MINUTES[weekly]} minutes (${service}), got ${maintenance.minutes}`);
    }
    if (backups && backups[0]!.minutes < MINIMUM_MINUTES[daily]) {
      report(`operations.maintenance.${daily}`, `expected a window of at least ${MINIMUM_MINUTES[daily]} minutes (${service}), got ${backups[0]!.minutes}`);
    }
    if (maintenance && backups?.some((occurrence) => overlap(maintenance, occurrence))) {
      report(`operations.maintenance.${daily}`, `${windows[daily]} overlaps the ${service} maintenance window ${windows[weekly]}; ${service} rejects overlapping windows`);
    }
  }
}

/** Receivers exist, routes name existing teams once per severity, the watchdog goes to a webhook. */
export function checkAlerting(env: Environment, teams: readonly string[], report: Report): void {
  const alerting = env.operations.alerting;
  const declared = new Map(alerting.receivers.map((r) => [r.name, r]));
  alerting.receivers.forEach((receiver, i) => {
    if (receiver.name === ALERT_TOPIC_RECEIVER || receiver.name === NULL_RECEIVER) {
      report(`operations.alerting.receivers[${i}].name`, `"${receiver.name}" is built in; choose another name`);
    } else if (alerting.receivers.findIndex((r) => r.name === receiver.name) !== i) {
      report(`operations.alerting.receivers[${i}].name`, `duplicate receiver "${receiver.name}"`);
    }
  });
  const known = (name: string) => name === ALERT_TOPIC_RECEIVER || declared.has(name);
  const expectedReceivers = () => [ALERT_TOPIC_RECEIVER, ...declared.keys()].join(', ');
  const allTeams = new Set([alerting.platformTeam, ...teams]);
  alerting.routes.forEach((route, i) => {
    route.receivers.forEach((name, j) => {
      if (!known(name)) report(`operations.alerting.routes[${i}].receivers[${j}]`, `unknown receiver "${name}"; expected one of ${expectedReceivers()}`);
    });
    if (!allTeams.has(route.team)) {
      report(`operations.alerting.routes[${i}].team`, `no service has team "${route.team}" and it is not the platform team; expected one of ${[...allTeams].sort().join(', ')}`);
    }
    if (alerting.routes.findIndex((r) => r.team === route.team && r.severity === route.severity) !== i) {
      report(`operations.alerting.routes[${i}]`, `duplicate route for team "${route.team}" and severity ${route.severity}; list every receiver in one route`);
    }
  });
  alerting.defaultRoutes.forEach((route, i) => {
    route.receivers.forEach((name, j) => {
      if (!known(name)) report(`operations.alerting.defaultRoutes[${i}].receivers[${j}]`, `unknown receiver "${name}"; expected one of ${expectedReceivers()}`);
    });
    if (alerting.defaultRoutes.findIndex((r) => r.severity === route.severity) !== i) {
      report(`operations.alerting.defaultRoutes[${i}]`, `duplicate default route for severity ${route.severity}; list every receiver in one route`);
    }
  });
  const watchdog = declared.get(alerting.watchdogReceiver);
  if (!watchdog) {
    report('operations.alerting.watchdogReceiver', `unknown receiver "${alerting.watchdogReceiver}"; expected a receiver of type webhook from operations.alerting.receivers`);
  } else if (watchdog.type !== 'webhook') {
    report('operations.alerting.watchdogReceiver', `receiver "${watchdog.name}" is of type ${watchdog.type}; the watchdog needs a webhook (a dead man's switch service)`);
  }
}

/** Per account: exactly one environment creates the trail and the detector; the others name it. */
export function checkAccountAudit(environments: Sourced<Environment>[]): Problem[] {
  const problems: Problem[] = [];
  for (const { file, value: env } of environments) {
    const from = env.operations.audit.accountAuditFrom;
    const path = 'operations.audit.accountAuditFrom';
    if (from === undefined) {
      const other = environments.find((o) => o.value !== env && o.value.aws.accountId === env.aws.accountId && o.value.operations.audit.accountAuditFrom === undefined);
      if (other && other.value.name < env.name) {
        problems.push({ file, path, message: `account ${env.aws.accountId} already gets its trail and GuardDuty detector from "${other.value.name}" (${other.file}); set accountAuditFrom: '${other.value.name}'` });
      }
      continue;
    }
    const owner = environments.find((o) => o.value.name === from);
    if (!owner) problems.push({ file, path, message: `unknown environment "${from}"; expected the environment of account ${env.aws.accountId} that creates its trail` });
    else if (owner.value === env) problems.push({ file, path, message: 'an environment cannot take its audit from itself; omit accountAuditFrom to create the trail here' });
    else if (owner.value.aws.accountId !== env.aws.accountId) {
      problems.push({ file, path, message: `"${from}" is in account ${owner.value.aws.accountId}, not ${env.aws.accountId}; expected an environment of the same account` });
    } else if (owner.value.operations.audit.accountAuditFrom !== undefined) {
      problems.push({ file, path, message: `"${from}" does not create the trail itself (it takes it from "${owner.value.operations.audit.accountAuditFrom}"); name the environment that does` });
    }
  }
  return problems;
}

/**
 * GuardDuty runtime monitoring installs its agent (a root, privileged DaemonSet in the
 * amazon-guardduty namespace, outside Argo CD) as an EKS add-on: the platform's Kyverno policies
 * refuse such pods and require a default-deny NetworkPolicy in every namespace, so the agent would
 * never run. Refused until an admission exception and network policy for it are part of the platform.
 */
export function checkGuardDuty(env: Environment, report: Report): void {
  if (env.operations.audit.guardDuty.eksRuntimeMonitoring) {
    report(
      'operations.audit.guardDuty.eksRuntimeMonitoring',
      "expected false: GuardDuty's runtime agent (root, privileged DaemonSet in amazon-guardduty) would be refused by the platform's admission policies; EKS audit-log monitoring (eksAuditLogs) needs no agent",
    );
  }
}

/** Every check of `operations` of every environment. */
export function checkOperations(environments: Sourced<Environment>[], serviceTeams: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const teams = [...new Set(serviceTeams)];
  for (const { file, value } of environments) {
    const report: Report = (path, message) => problems.push({ file, path, message });
    checkMaintenanceWindows(value, report);
    checkGuardDuty(value, report);
    checkAlerting(value, teams, report);
  }
  return [...problems, ...checkAccountAudit(environments)];
}
