/**
 * Scaling and disruption: the HPA owns the replica count (CPU, plus request rate through
 * prometheus-adapter when the service sets `targetRequestsPerSecond`), and a PodDisruptionBudget
 * keeps `minAvailable` pods through voluntary disruptions.
 */
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { REQUESTS_PER_SECOND } from './metrics.js';
import type { ServiceContext } from './context.js';

export function addAutoscaler(scope: Construct, ctx: ServiceContext, target: kplus.Deployment): kplus.HorizontalPodAutoscaler {
  const { service } = ctx;
  const metrics = [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(service.autoscaling.targetCpuPercent))];
  if (service.autoscaling.targetRequestsPerSecond > 0) {
    metrics.push(kplus.Metric.pods({ name: REQUESTS_PER_SECOND, target: kplus.MetricTarget.averageValue(service.autoscaling.targetRequestsPerSecond) }));
  }
  return new kplus.HorizontalPodAutoscaler(scope, 'autoscaler', {
    metadata: { name: service.name, namespace: ctx.namespace },
    target,
    minReplicas: service.replicas.min,
    maxReplicas: service.replicas.max,
    metrics,
  });
}

/**
 * `minAvailable` from the service, unless the HPA may run as few pods as that: a budget that
 * allows no eviction at all would block every node drain, so it becomes `maxUnavailable: 1`.
 */
export function disruptionBudget(ctx: ServiceContext): { minAvailable: number } | { maxUnavailable: number } {
  const { minAvailable, replicas } = ctx.service;
  return replicas.min > minAvailable ? { minAvailable } : { maxUnavailable: 1 };
}

export function addDisruptionBudget(scope: Construct, ctx: ServiceContext): k8s.KubePodDisruptionBudget {
  const budget = disruptionBudget(ctx);
  return new k8s.KubePodDisruptionBudget(scope, 'disruption-budget', {
    metadata: { name: ctx.service.name, namespace: ctx.namespace },
    spec: {
      selector: { matchLabels: ctx.selector },
      ...('minAvailable' in budget
        ? { minAvailable: k8s.IntOrString.fromNumber(budget.minAvailable) }
        : { maxUnavailable: k8s.IntOrString.fromNumber(budget.maxUnavailable) }),
      // Pods that are not ready yet protect nothing: let drains evict them.
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  });
}
