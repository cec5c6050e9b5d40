/**
 * The alert topic: KMS-encrypted SNS topic that CloudWatch alarms, AWS Budgets and (through the
 * GuardDuty findings rule) EventBridge of this account publish to (over TLS only), with the environment's alert address subscribed. Its ARN is
 * naming.alertTopicArn, which Alertmanager's configuration uses before any apply.
 */
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { naming } from '../../naming.js';
import { denyInsecureTransport, policyDocument, type Statement } from '../iam.js';
import { platformKey } from '../kms.js';
import type { ObservabilityContext } from './context.js';

const PUBLISHERS = ['cloudwatch.amazonaws.com', 'budgets.amazonaws.com'];
const EVENTS = 'events.amazonaws.com';

/**
 * EventBridge delivers with the rule's ARN as source: only the GuardDuty findings rule may publish,
 * in the environment that owns its account's audit (audit/guardduty.ts).
 */
function guardDutyPublisher(env: ObservabilityContext['env'], topic: SnsTopic): Statement[] {
  if (env.operations.audit.accountAuditFrom !== undefined) return [];
  const rule = `arn:aws:events:${env.aws.region}:${env.aws.accountId}:rule/${naming.guardDutyFindingsRule(env.name)}`;
  return [{ Sid: 'GuardDutyFindingsRule', Effect: 'Allow', Principal: { Service: EVENTS }, Action: ['sns:Publish'], Resource: [topic.arn], Condition: { ArnEquals: { 'aws:SourceArn': rule } } }];
}

export function alertTopic(ctx: ObservabilityContext): { topic: SnsTopic; key: KmsKey } {
  const { stack, env, prefix } = ctx;
  const sameAccount = { StringEquals: { 'aws:SourceAccount': env.aws.accountId } };
  const key = platformKey(stack, 'alerts', {
    accountId: env.aws.accountId,
    alias: naming.kmsAlias(env.name, 'alerts'),
    description: `${prefix} alert topic encryption`,
    grants: [
      {
        Sid: 'AlarmPublishersUseKey',
        Effect: 'Allow',
        Principal: { Service: [...PUBLISHERS, EVENTS] },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
        Condition: sameAccount,
      },
    ],
  });
  const topic = new SnsTopic(stack, 'alert_topic', { name: naming.alertTopic(env.name), kmsMasterKeyId: key.arn });
  // Alertmanager publishes with its IRSA role (alertmanager.ts); account principals need no topic grant.
  new SnsTopicPolicy(stack, 'alert_topic_policy', {
    arn: topic.arn,
    policy: policyDocument([
      { Sid: 'AlarmPublishers', Effect: 'Allow', Principal: { Service: PUBLISHERS }, Action: ['sns:Publish'], Resource: [topic.arn], Condition: sameAccount },
      ...guardDutyPublisher(env, topic),
      denyInsecureTransport(['sns:Publish'], [topic.arn]),
    ]),
  });
  new SnsTopicSubscription(stack, 'alert_topic_email', { topicArn: topic.arn, protocol: 'email', endpoint: env.owners.alertEmail });
  return { topic, key };
}
