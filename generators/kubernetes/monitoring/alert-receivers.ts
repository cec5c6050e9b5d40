/**
 * The `alertmanager-receivers` Secret: one key per receiver of the environment, the credential
 * (Slack/webhook URL, PagerDuty routing key) copied by External Secrets from the receiver's Secrets
 * Manager secret (created empty by the observability stack, filled by a person). Alertmanager reads
 * the keys as files (`*_file`), so the values appear neither in Git nor in its configuration.
 */
import type { Construct } from 'constructs';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { customResource, EXTERNAL_SECRETS_API } from '../crds.js';

/** A changed credential reaches the Secret within this; the config reloader then reloads Alertmanager. */
const REFRESH = '1h';

export function alertReceiverSecrets(scope: Construct, env: ResolvedEnvironment): void {
  const declared = env.operations.alerting.receivers;
  if (declared.length === 0) return;
  customResource(scope, 'alertmanager-receivers', {
    apiVersion: EXTERNAL_SECRETS_API,
    kind: 'ExternalSecret',
    metadata: { name: naming.alertReceiversSecret, namespace: naming.namespaces.monitoring },
    spec: {
      refreshInterval: REFRESH,
      secretStoreRef: { kind: 'ClusterSecretStore', name: naming.clusterSecretStore },
      target: { name: naming.alertReceiversSecret, creationPolicy: 'Owner' },
      data: declared.map((receiver) => ({ secretKey: receiver.name, remoteRef: { key: naming.alertReceiverSecret(env.name, receiver.name) } })),
    },
  });
}
