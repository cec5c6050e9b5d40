/**
 * One Secrets Manager secret per Alertmanager receiver of the environment (operations.alerting.receivers),
 * encrypted with the environment's secrets key and created without a value: a person puts the Slack
 * or webhook URL, or the PagerDuty routing key, as the plain secret string (README "Alert routing").
 * External Secrets copies them into the Secret Alertmanager mounts.
 */
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
import { naming } from '../../naming.js';
import { rotationTags } from '../secrets/rotation-tags.js';
import type { ObservabilityContext } from './context.js';

const CREDENTIAL = { slack: 'Slack incoming-webhook URL', pagerduty: 'PagerDuty Events API v2 routing key', webhook: 'webhook URL' } as const;

export function receiverSecrets(ctx: ObservabilityContext): void {
  const { stack, env, data } = ctx;
  for (const receiver of env.operations.alerting.receivers) {
    new SecretsmanagerSecret(stack, `secret_alert_receiver_${receiver.name.replaceAll('-', '_')}`, {
      name: naming.alertReceiverSecret(env.name, receiver.name),
      description: `Alertmanager receiver ${receiver.name}: ${CREDENTIAL[receiver.type]}, set out of band, never in Git`,
      kmsKeyId: data.getString('secrets_kms_key_arn'),
      recoveryWindowInDays: 7,
      // Issued by Slack/PagerDuty/the heartbeat service: rotated by the runbook (generated/runbooks/<env>.md).
      tags: rotationTags(env, 'runbook'),
    });
  }
}
