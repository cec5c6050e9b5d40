/**
 * Karpenter, the cluster autoscaler: the role of the nodes it launches (with an EC2_LINUX access
 * entry so they can join), the SQS queue of EC2 interruption events with the EventBridge rules that
 * feed it, and the controller's IRSA role.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target/index.js';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry/index.js';
import type { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster/index.js';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy/index.js';
import { AWS_IDENTITIES, naming } from '../../naming.js';
import { denyInsecureTransport, policyDocument, type OidcProvider } from '../iam.js';
import { irsaRole } from '../irsa.js';
import type { ClusterContext } from './context.js';
import { nodeRole } from './node-groups.js';
import { karpenterStatements } from './policies/karpenter.js';

/** EventBridge events that announce an instance going away. */
const INTERRUPTION_EVENTS = {
  scheduled_change: { source: ['aws.health'], 'detail-type': ['AWS Health Event'] },
  spot_interruption: { source: ['aws.ec2'], 'detail-type': ['EC2 Spot Instance Interruption Warning'] },
  rebalance: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance Rebalance Recommendation'] },
  instance_state_change: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'] },
} as const;

export interface Karpenter {
  nodeRole: IamRole;
  controllerRole: IamRole;
  queue: SqsQueue;
}

export function karpenter(ctx: ClusterContext, cluster: EksCluster, oidc: OidcProvider): Karpenter {
  const { stack, env, clusterName } = ctx;
  const { role } = nodeRole(ctx, 'karpenter_node_role', naming.karpenterNodeRole(env.name));
  new EksAccessEntry(stack, 'eks_access_entry_karpenter_nodes', { clusterName: cluster.name, principalArn: role.arn, type: 'EC2_LINUX' });

  const queue = new SqsQueue(stack, 'karpenter_interruption_queue', {
    name: naming.karpenterInterruptionQueue(env.name),
    messageRetentionSeconds: 300,
    sqsManagedSseEnabled: true,
  });
  new SqsQueuePolicy(stack, 'karpenter_interruption_queue_policy', {
    queueUrl: queue.url,
    policy: policyDocument([
      {
        Sid: 'EventBridgeSendsEvents',
        Effect: 'Allow',
        Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] },
        Action: ['sqs:SendMessage'],
        Resource: [queue.arn],
      },
      denyInsecureTransport(['sqs:*'], [queue.arn]),
    ]),
  });
  for (const [name, pattern] of Object.entries(INTERRUPTION_EVENTS)) {
    const rule = new CloudwatchEventRule(stack, `karpenter_event_${name}`, {
      name: `${clusterName}-karpenter-${name.replace(/_/g, '-')}`,
      description: `Karpenter interruption handling: ${pattern['detail-type'][0]}`,
      eventPattern: JSON.stringify(pattern),
    });
    new CloudwatchEventTarget(stack, `karpenter_event_${name}_target`, { rule: rule.name, targetId: 'karpenter-interruption-queue', arn: queue.arn });
  }

  const controllerRole = irsaRole(stack, {
    env: env.name,
    name: 'karpenter',
    serviceAccount: AWS_IDENTITIES.karpenter,
    oidc,
    description: 'Karpenter: launches and retires the nodes of this cluster',
    statements: karpenterStatements({
      region: env.aws.region,
      accountId: env.aws.accountId,
      clusterName,
      nodeRoleArn: role.arn,
      queueArn: queue.arn,
    }),
  });
  return { nodeRole: role, controllerRole, queue };
}
