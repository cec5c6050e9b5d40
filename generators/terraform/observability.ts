/**
 * Observability stack: the alert topic (and Alertmanager's role to publish to it), the account's
 * audit (CloudTrail trail, GuardDuty with findings to the topic), CloudWatch alarms on the managed
 * services, the Secrets Manager secrets of the Alertmanager receivers, the monthly AWS Budget, and
 * the storage (buckets and IRSA roles) of Loki and Tempo. Reads the network (NAT gateways, logs
 * key), cluster (OIDC) and data (store identifiers, secrets key) stacks' outputs. Log groups live with their
 * producers (network, cluster, data), because each must exist before the resource that writes to it.
 */
import type { EnvironmentGenerator } from '../generator.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { managedServiceAlarms } from './observability/alarms/index.js';
import { alertmanagerRole } from './observability/alertmanager.js';
import { receiverSecrets } from './observability/receiver-secrets.js';
import { accountAudit } from './observability/audit/index.js';
import { alertTopic } from './observability/alerts.js';
import { monthlyBudget } from './observability/budget.js';
import type { ObservabilityContext } from './observability/context.js';
import { telemetryStorage } from './observability/storage.js';
import { oidcFromClusterState } from './irsa.js';
import { createStack, outputs, remoteState, stackFile } from './stack.js';

const GENERATOR = 'terraform/observability';

export function observabilityStack(env: ResolvedEnvironment) {
  const ps = createStack(env, 'observability', GENERATOR);
  const ctx: ObservabilityContext = {
    stack: ps.stack,
    env,
    prefix: naming.envPrefix(env.name),
    network: remoteState(ps, 'network'),
    cluster: remoteState(ps, 'cluster'),
    data: remoteState(ps, 'data'),
  };
  const oidc = oidcFromClusterState(ctx.cluster);
  const { topic, key } = alertTopic(ctx);
  managedServiceAlarms(ctx, topic);
  const audit = accountAudit(ctx, topic);
  monthlyBudget(ctx, topic);
  alertmanagerRole(ctx, oidc, topic, key);
  receiverSecrets(ctx);
  telemetryStorage(ctx, oidc);

  outputs(ps.stack, { alert_topic_arn: { value: topic.arn, description: 'SNS topic every alarm and budget notifies' }, ...audit });
  return ps;
}

export const observabilityGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env) => [stackFile(observabilityStack(env), GENERATOR, [env.file, 'generators/terraform/observability.ts'])],
};
