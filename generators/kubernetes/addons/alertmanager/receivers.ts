/**
 * Alertmanager receivers: the SNS alert topic (through the pod's IRSA role), `null`, and one per
 * receiver of the environment. A receiver's credential is a key of the `alertmanager-receivers`
 * Secret (written by External Secrets from Secrets Manager), which the operator mounts under
 * /etc/alertmanager/secrets/<secret>/; the configuration names only the file.
 */
import { ALERT_TOPIC_RECEIVER, NULL_RECEIVER, type AlertReceiver } from '../../../../environments/operations.js';
import type { ResolvedEnvironment } from '../../../model/types.js';
import { naming } from '../../../naming.js';
import type { Receiver } from './types.js';

/** Where the prometheus-operator mounts a Secret listed in `alertmanagerSpec.secrets`. */
export const credentialFile = (receiver: string) => `/etc/alertmanager/secrets/${naming.alertReceiversSecret}/${receiver}`;

const SUMMARY = '{{ .CommonLabels.alertname }} {{ .CommonLabels.service }}';
const DETAILS = '{{ range .Alerts }}{{ .Annotations.summary }}\n{{ .Annotations.description }}\n\n{{ end }}';

function receiver(env: ResolvedEnvironment, declared: AlertReceiver): Receiver {
  const file = credentialFile(declared.name);
  switch (declared.type) {
    case 'slack':
      return {
        name: declared.name,
        slack_configs: [{ api_url_file: file, send_resolved: true, title: `[${env.name}] {{ .Status | toUpper }} ${SUMMARY}`, text: DETAILS }],
      };
    case 'pagerduty':
      return {
        name: declared.name,
        pagerduty_configs: [{ routing_key_file: file, send_resolved: true, severity: '{{ .CommonLabels.severity }}', description: `[${env.name}] ${SUMMARY}` }],
      };
    case 'webhook':
      // The dead man's switch: every notification is a heartbeat; "resolved" never comes.
      return { name: declared.name, webhook_configs: [{ url_file: file, send_resolved: false }] };
  }
}

export function receivers(env: ResolvedEnvironment): Receiver[] {
  return [
    { name: NULL_RECEIVER },
    {
      name: ALERT_TOPIC_RECEIVER,
      sns_configs: [
        {
          topic_arn: naming.alertTopicArn(env.name, env.aws.region, env.aws.accountId),
          sigv4: { region: env.aws.region },
          subject: `[${env.name}] {{ .Status | toUpper }} ${SUMMARY}`,
          message: DETAILS,
          attributes: { environment: env.name },
        },
      ],
    },
    ...env.operations.alerting.receivers.map((declared) => receiver(env, declared)),
  ];
}
