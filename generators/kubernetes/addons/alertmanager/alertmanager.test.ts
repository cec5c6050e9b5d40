/**
 * The generated Alertmanager configuration: only keys Alertmanager v0.28.1 parses, credentials only
 * as files of the mounted Secret, and routing that delivers each alert where the environment says.
 * Routing is checked by evaluating the generated tree the way Alertmanager does (first matching
 * child, `continue` goes on, no matching child: the node's receiver, inherited from the parent).
 */
import { describe, expect, it } from 'vitest';
import type { Operations } from '../../../../environments/operations.js';
import { naming } from '../../../naming.js';
import { environmentWith, service } from '../../test-fixtures.js';
import { kubePrometheusStackRelease } from '../kube-prometheus-stack.js';
import { alertmanagerConfig } from './config.js';
import { credentialFile } from './receivers.js';
import { unsupportedKeys } from './supported-fields.js';
import type { AlertmanagerConfig, Route } from './types.js';
import { dev } from '../../../../environments/dev.js';

const alerting: Operations['alerting'] = {
  platformTeam: 'core',
  receivers: [
    { name: 'pager', type: 'pagerduty' },
    { name: 'chat', type: 'slack' },
    { name: 'beat', type: 'webhook' },
  ],
  routes: [
    { team: 'demo', severity: 'critical', receivers: ['pager', 'chat'] },
    { team: 'demo', severity: 'warning', receivers: ['chat'] },
    { team: 'core', severity: 'critical', receivers: ['alert-topic'] },
  ],
  defaultRoutes: [{ severity: 'critical', receivers: ['chat'] }],
  watchdogReceiver: 'beat',
};
const env = environmentWith([service({ name: 'echo', team: 'demo' }), service({ name: 'fresh', team: 'newcomers' })], {
  operations: { ...dev.operations, alerting },
});
const config = alertmanagerConfig(env);

/** Alertmanager's matcher: `name="value"` or `name=~"regex"` (anchored); an absent label is "". */
function matches(matcher: string, labels: Record<string, string>): boolean {
  const m = /^([a-zA-Z_][a-zA-Z0-9_]*)(=~|=)"(.*)"$/.exec(matcher);
  if (!m) throw new Error(`unparsed matcher ${matcher}`);
  const value = labels[m[1]!] ?? '';
  return m[2] === '=' ? value === m[3] : new RegExp(`^(?:${m[3]})$`).test(value);
}

function receiversFor(route: Route, labels: Record<string, string>, inherited = ''): string[] {
  const receiver = route.receiver ?? inherited;
  const found: string[] = [];
  for (const child of route.routes ?? []) {
    if (!(child.matchers ?? []).every((m) => matches(m, labels))) continue;
    found.push(...receiversFor(child, labels, receiver));
    if (!child.continue) break;
  }
  return found.length > 0 ? found : [receiver];
}
const deliver = (labels: Record<string, string>) => receiversFor(config.route, labels);

describe('Alertmanager routing', () => {
  it('sends the watchdog heartbeat to the dead man\'s switch, often', () => {
    expect(deliver({ alertname: 'Watchdog', severity: 'none' })).toEqual(['beat']);
    expect(config.route.routes![0]!.repeat_interval).toBe('1m');
    expect(deliver({ alertname: 'InfoInhibitor', severity: 'none' })).toEqual(['null']);
  });

  it("routes a team's alerts by severity to every receiver listed", () => {
    expect(deliver({ alertname: 'HighErrorRate', team: 'demo', severity: 'critical' })).toEqual(['pager', 'chat']);
    expect(deliver({ alertname: 'HighErrorRate', team: 'demo', severity: 'warning' })).toEqual(['chat']);
    expect(deliver({ alertname: 'Something', team: 'demo', severity: 'info' })).toEqual(['alert-topic']);
  });

  it('gives alerts without a team to the platform team, and a team without routes the default routes', () => {
    expect(deliver({ alertname: 'KubeNodeNotReady', severity: 'critical' })).toEqual(['alert-topic']);
    expect(deliver({ alertname: 'HighErrorRate', team: 'newcomers', severity: 'critical' })).toEqual(['chat']);
    expect(deliver({ alertname: 'HighErrorRate', team: 'newcomers', severity: 'warning' })).toEqual(['alert-topic']);
  });

  it('lets critical alerts inhibit warnings of the same alert and service', () => {
    expect(config.inhibit_rules).toContainEqual({ source_matchers: ['severity="critical"'], target_matchers: ['severity=~"warning|info"'], equal: ['namespace', 'alertname', 'service'] });
  });

  it('declares every receiver a route names', () => {
    const declared = new Set(config.receivers.map((r) => r.name));
    const named = (route: Route): string[] => [...(route.receiver ? [route.receiver] : []), ...(route.routes ?? []).flatMap(named)];
    for (const name of named(config.route)) expect(declared, name).toContain(name);
  });
});

describe('Alertmanager configuration file', () => {
  it('uses only keys Alertmanager parses', () => {
    expect(unsupportedKeys(config)).toEqual([]);
    const withTypo = { ...config, route: { ...config.route, routes: [{ ...config.route.routes![0]!, group_waits: '1s' }] } } as unknown as AlertmanagerConfig;
    expect(unsupportedKeys(withTypo)).toEqual(['route.routes[0].group_waits']);
  });

  it('reads every credential from a file of the mounted receivers Secret, never a value', () => {
    const text = JSON.stringify(config);
    expect(text).not.toMatch(/"(api_url|routing_key|service_key|url)":/);
    for (const receiver of alerting.receivers) expect(text).toContain(`"${credentialFile(receiver.name)}"`);
    const values = kubePrometheusStackRelease(env).values as { alertmanager: { alertmanagerSpec: { secrets: string[] } } };
    expect(values.alertmanager.alertmanagerSpec.secrets).toEqual([naming.alertReceiversSecret]);
    expect(credentialFile('x')).toBe(`/etc/alertmanager/secrets/${naming.alertReceiversSecret}/x`);
  });
});
