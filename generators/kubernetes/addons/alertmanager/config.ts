/** The Alertmanager configuration of an environment: routes by team and severity, receivers, inhibition. */
import type { ResolvedEnvironment } from '../../../model/types.js';
import { receivers } from './receivers.js';
import { inhibitRules, routeTree } from './routes.js';
import type { AlertmanagerConfig } from './types.js';

export function alertmanagerConfig(env: ResolvedEnvironment): AlertmanagerConfig {
  return { global: { resolve_timeout: '5m' }, route: routeTree(env), inhibit_rules: inhibitRules, receivers: receivers(env) };
}

/** Secrets the operator mounts into Alertmanager: the receivers' credentials, when there are receivers. */
export function alertmanagerSecrets(env: ResolvedEnvironment, secretName: string): string[] {
  return env.operations.alerting.receivers.length > 0 ? [secretName] : [];
}
