/**
 * WIRE-003: a Service's type is one its namespace's ResourceQuota admits. `services.nodeports: 0`
 * rejects NodePort Services, and LoadBalancer Services too unless they set
 * `allocateLoadBalancerNodePorts: false`; `services.loadbalancers: 0` rejects LoadBalancer
 * Services. Rendered Services and the Services charts render from our values (chart-facts.ts).
 */
import type { Finding, Rule } from '../engine/types.js';
import { at, num, str } from '../engine/values.js';
import { CHART_SERVICES } from './chart-facts.js';
import { helmReleases, valueOr } from './releases.js';

interface ServiceType {
  file: string;
  resource: string;
  namespace: string;
  name: string;
  type: string;
  allocatesNodePorts: boolean;
}

export const serviceTypeQuota: Rule = {
  id: 'WIRE-003',
  severity: 'error',
  area: 'wiring',
  title: 'Service types fit the namespace quota',
  checks:
    'For each Service (rendered, or of a chart listed in policies/wiring/chart-facts.ts with the type our values give it): NodePort needs services.nodeports > 0, LoadBalancer needs services.loadbalancers > 0 and node ports (unless allocateLoadBalancerNodePorts is false), in every ResourceQuota of its namespace.',
  why: 'The API server rejects a Service that exceeds its namespace quota: the add-on never becomes reachable and its Argo CD sync fails.',
  fix: 'Use type ClusterIP behind the load balancer (target type ip), or raise the quota deliberately.',
  check({ kubernetes }) {
    const services: ServiceType[] = [
      ...kubernetes
        .filter((o) => o.kind === 'Service')
        .map((o) => ({
          file: o.file,
          resource: o.resource,
          namespace: o.namespace ?? 'default',
          name: o.name,
          type: str(at(o.object, 'spec', 'type')) ?? 'ClusterIP',
          allocatesNodePorts: at(o.object, 'spec', 'allocateLoadBalancerNodePorts') !== false,
        })),
      ...helmReleases(kubernetes).flatMap((release) =>
        CHART_SERVICES.filter((c) => c.chart === release.chart).map((c) => ({
          file: release.application.file,
          resource: release.application.resource,
          namespace: release.namespace,
          name: c.service,
          type: str(valueOr(release, c.typePath, c.defaultType)) ?? c.defaultType,
          allocatesNodePorts: true,
        })),
      ),
    ];
    const quotas = kubernetes.filter((o) => o.kind === 'ResourceQuota');
    const findings: Finding[] = [];
    for (const s of services) {
      for (const quota of quotas.filter((q) => q.namespace === s.namespace)) {
        const hard = (key: string) => num(at(quota.object, 'spec', 'hard', key));
        const needsNodePorts = s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocatesNodePorts);
        const denied = [
          ...(needsNodePorts && hard('services.nodeports') === 0 ? ['services.nodeports: 0'] : []),
          ...(s.type === 'LoadBalancer' && hard('services.loadbalancers') === 0 ? ['services.loadbalancers: 0'] : []),
        ];
        if (denied.length > 0) {
          findings.push({ file: s.file, resource: s.resource, message: `Service ${s.name} is type ${s.type}, which ${quota.resource} forbids (${denied.join(', ')})` });
        }
      }
    }
    return findings;
  },
};
