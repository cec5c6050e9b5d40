/** AWS Load Balancer Controller: turns the gateway's Ingress into an ALB. Finds the VPC by its Name tag (pods cannot reach IMDS). */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES, naming } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { ALB_INGRESS_CLASS } from './endpoints.js';
import { addonRelease, controllerReplicas, irsaServiceAccount, resources, type ResourceValues, type ServiceAccountValues } from './release.js';
import { containerSecurity, type ContainerSecurityValues } from './hardening.js';

interface AwsLoadBalancerControllerValues {
  clusterName: string;
  region: string;
  vpcTags: Record<string, string>;
  replicaCount: number;
  serviceAccount: ServiceAccountValues;
  ingressClass: string;
  createIngressClassResource: boolean;
  /** Services of type LoadBalancer are not allowed (baseline quota): leave them alone. */
  enableServiceMutatorWebhook: boolean;
  defaultTags: Record<string, string>;
  serviceMonitor: { enabled: boolean };
  podDisruptionBudget: { maxUnavailable: number };
  resources: ResourceValues;
  /** Merged by Helm over the chart's default (read-only root, runAsNonRoot, no privilege escalation), which keeps every capability. */
  securityContext: ContainerSecurityValues;
  podSecurityContext: { fsGroup: number; seccompProfile: { type: 'RuntimeDefault' } };
}

export function awsLoadBalancerControllerRelease(env: ResolvedEnvironment): HelmRelease {
  return addonRelease<AwsLoadBalancerControllerValues>(
    env,
    'aws-load-balancer-controller',
    { namespace: AWS_IDENTITIES['aws-load-balancer-controller'].namespace, dependsOn: [BASELINE_APP, 'kube-prometheus-stack'] },
    {
      clusterName: naming.clusterName(env.name),
      region: env.aws.region,
      vpcTags: { Name: naming.vpcName(env.name) },
      replicaCount: controllerReplicas(env),
      serviceAccount: irsaServiceAccount(env, 'aws-load-balancer-controller'),
      ingressClass: ALB_INGRESS_CLASS,
      createIngressClassResource: true,
      enableServiceMutatorWebhook: false,
      defaultTags: { environment: env.name, 'managed-by': 'aws-load-balancer-controller' },
      serviceMonitor: { enabled: true },
      podDisruptionBudget: { maxUnavailable: 1 },
      resources: resources('100m', '128Mi', '500m', '256Mi'),
      securityContext: containerSecurity(),
      podSecurityContext: { fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
    },
  );
}
