/**
 * CloudWatch alarms of the managed services, all notifying the alert topic, with thresholds from
 * the environment (`alerts` for CPU and memory, `operations.alarms` for the rest).
 */
import type { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import type { ObservabilityContext } from '../context.js';
import { alarm } from './alarm.js';
import { cacheAlarms } from './cache.js';
import { databaseAlarms } from './database.js';
import type { AlarmInputs } from './inputs.js';
import { kafkaAlarms } from './kafka.js';
import { loadBalancerAlarms } from './load-balancers.js';
import { natGatewayAlarms } from './network.js';

export function managedServiceAlarms(ctx: ObservabilityContext, topic: SnsTopic): void {
  const inputs: AlarmInputs = { env: ctx.env, network: ctx.network, data: ctx.data };
  const specs = [databaseAlarms, cacheAlarms, kafkaAlarms, natGatewayAlarms, loadBalancerAlarms].flatMap((build) => build(inputs));
  for (const spec of specs) alarm(ctx, topic, spec);
}
