/** Alertmanager (kube-prometheus-stack) sends the cluster's alerts to the same topic as CloudWatch and Budgets. */
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import type { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { AWS_IDENTITIES } from '../../naming.js';
import { kmsViaService, type OidcProvider } from '../iam.js';
import { irsaRole } from '../irsa.js';
import type { ObservabilityContext } from './context.js';

export function alertmanagerRole(ctx: ObservabilityContext, oidc: OidcProvider, topic: SnsTopic, topicKey: KmsKey): void {
  irsaRole(ctx.stack, {
    env: ctx.env.name,
    name: 'alertmanager',
    serviceAccount: AWS_IDENTITIES.alertmanager,
    oidc,
    description: 'Alertmanager: publishes to the alert topic',
    statements: [
      { Sid: 'PublishAlerts', Effect: 'Allow', Action: ['sns:Publish'], Resource: [topic.arn] },
      // The topic is encrypted: publishing needs a data key from the topic's key, through SNS only.
      kmsViaService('EncryptThroughSns', [topicKey.arn], 'sns', ctx.env.aws.region, ['kms:GenerateDataKey*', 'kms:Decrypt']),
    ],
  });
}
