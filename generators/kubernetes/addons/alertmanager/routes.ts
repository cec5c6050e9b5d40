/**
 * The routing tree. In order, first match wins at the top level:
 * 1. Watchdog (always firing, from the chart's default rules) → the dead man's switch, every minute;
 * 2. InfoInhibitor → null (it only silences info alerts);
 * 3. one branch per team (`team` label, set by every service's rules; the platform team also gets
 *    alerts without one), with a child per (severity, receiver) that continues, so every listed
 *    receiver gets the alert; a team without routes of its own gets the default routes;
 * what matches no route or child (another severity, a team without a route for it) goes to the
 * alert topic, the root receiver. Critical alerts inhibit warnings of the same alert and service.
 */
import { ALERT_TOPIC_RECEIVER, NULL_RECEIVER, type SeverityRoute } from '../../../../environments/operations.js';
import type { ResolvedEnvironment } from '../../../model/types.js';
import type { InhibitRule, Route } from './types.js';

/** How often the watchdog heartbeat is sent: dead man's switch services alert after a few missed beats. */
export const WATCHDOG_INTERVAL = '1m';

/** Matcher of a team's alerts; the platform team's also match alerts with no team label (`team=""`). */
export function teamMatcher(team: string, platformTeam: string): string {
  return team === platformTeam ? `team=~"${team}|"` : `team="${team}"`;
}

/** Every team that can own an alert: the platform team, the services' teams, the teams routes name. */
export function alertTeams(env: ResolvedEnvironment): string[] {
  const { platformTeam, routes } = env.operations.alerting;
  return [...new Set([platformTeam, ...env.services.map((s) => s.team), ...routes.map((r) => r.team)])].sort();
}

/** A team's routes, or the default routes when it has none of its own. */
export function teamRoutes(env: ResolvedEnvironment, team: string): SeverityRoute[] {
  const { routes, defaultRoutes } = env.operations.alerting;
  const own = routes.filter((r) => r.team === team);
  return own.length > 0 ? own : defaultRoutes;
}

function teamBranches(env: ResolvedEnvironment): Route[] {
  const { platformTeam } = env.operations.alerting;
  return alertTeams(env).map((team) => ({
    receiver: ALERT_TOPIC_RECEIVER,
    matchers: [teamMatcher(team, platformTeam)],
    routes: teamRoutes(env, team).flatMap((r) => r.receivers.map((receiver) => ({ receiver, matchers: [`severity="${r.severity}"`], continue: true }))),
  }));
}

export function routeTree(env: ResolvedEnvironment): Route {
  return {
    receiver: ALERT_TOPIC_RECEIVER,
    group_by: ['alertname', 'namespace', 'service'],
    group_wait: '30s',
    group_interval: '5m',
    repeat_interval: '4h',
    routes: [
      {
        receiver: env.operations.alerting.watchdogReceiver,
        matchers: ['alertname="Watchdog"'],
        group_wait: '0s',
        group_interval: WATCHDOG_INTERVAL,
        repeat_interval: WATCHDOG_INTERVAL,
      },
      { receiver: NULL_RECEIVER, matchers: ['alertname="InfoInhibitor"'] },
      ...teamBranches(env),
    ],
  };
}

export const inhibitRules: InhibitRule[] = [
  { source_matchers: ['severity="critical"'], target_matchers: ['severity=~"warning|info"'], equal: ['namespace', 'alertname', 'service'] },
];
