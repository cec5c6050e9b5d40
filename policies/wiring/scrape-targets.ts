/**
 * What Prometheus will scrape, traced through the output: each ServiceMonitor endpoint → the
 * Services its selector matches → the Service port → the workloads the Service selects → the
 * container port → what that pod declares it serves (the metrics annotations the service generator
 * writes from `metrics` in services/<name>/service.ts). The job label is the Service name (the
 * Prometheus Operator's default) or the Service label named by `jobLabel`.
 */
import { METRICS_ANNOTATIONS } from '../../generators/kubernetes/service/metrics.js';
import type { KubeObject } from '../engine/kubernetes.js';
import { LabelIndex } from '../engine/label-index.js';
import { at, dict, isDict, list, str, strings, type Dict } from '../engine/values.js';
import { podTemplate, workloads } from './container-env.js';

export interface MetricsDeclaration {
  port: string;
  path: string;
  series: string[];
}

export interface ScrapeTarget {
  monitor: KubeObject;
  /** e.g. `port http` */
  endpoint: string;
  path: string;
  job: string;
  service: KubeObject;
  workload: KubeObject;
  /** What the workload's pods declare, if anything. */
  declared: MetricsDeclaration | undefined;
  /** Why the target serves no metrics there; undefined when it does. */
  problem: string | undefined;
}

export interface ScrapeResolution {
  targets: ScrapeTarget[];
  /** ServiceMonitor endpoints that reach no pod at all. */
  unresolved: { monitor: KubeObject; message: string }[];
}

const matches = (labels: unknown, selector: Dict) => Object.entries(selector).every(([k, v]) => dict(labels)[k] === v);

export function declaration(workload: KubeObject): MetricsDeclaration | undefined {
  const annotations = dict(at(podTemplate(workload), 'metadata', 'annotations'));
  const port = str(annotations[METRICS_ANNOTATIONS.port]);
  const path = str(annotations[METRICS_ANNOTATIONS.path]);
  const series = str(annotations[METRICS_ANNOTATIONS.series]);
  if (!port || !path || series === undefined) return undefined;
  return { port, path, series: series.split(',').filter(Boolean) };
}

function containerPorts(workload: KubeObject): { name: string | undefined; number: number }[] {
  return list(at(podTemplate(workload), 'spec', 'containers'))
    .flatMap((c) => list(at(c, 'ports')))
    .filter(isDict)
    .flatMap((p) => (typeof p.containerPort === 'number' ? [{ name: str(p.name), number: p.containerPort }] : []));
}

const cache = new WeakMap<readonly KubeObject[], ScrapeResolution>();

/** What every ServiceMonitor reaches (computed once per environment's objects: WIRE-005 and WIRE-006 read it). */
export function scrapeTargets(objects: readonly KubeObject[]): ScrapeResolution {
  const cached = cache.get(objects);
  if (cached) return cached;
  const services = objects.filter((o) => o.kind === 'Service');
  const byNamespace = (items: KubeObject[]) => {
    const map = new Map<string | null, KubeObject[]>();
    for (const item of items) {
      const inNamespace = map.get(item.namespace) ?? [];
      inNamespace.push(item);
      map.set(item.namespace, inNamespace);
    }
    return map;
  };
  const servicesByNamespace = byNamespace(services);
  // Services and workloads by namespace and label: each selector reads only what may match it.
  const serviceIndex = new LabelIndex(services, (s) => s.namespace, (s) => dict(at(s.object, 'metadata', 'labels')));
  const workloadIndex = new LabelIndex(workloads(objects), (w) => w.namespace, (w) => dict(at(podTemplate(w), 'metadata', 'labels')));
  const resolution: ScrapeResolution = { targets: [], unresolved: [] };
  for (const monitor of objects.filter((o) => o.kind === 'ServiceMonitor')) {
    const selector = dict(at(monitor.object, 'spec', 'selector', 'matchLabels'));
    const nsSelector = dict(at(monitor.object, 'spec', 'namespaceSelector'));
    const inScope = (ns: string | null) => nsSelector.any === true || (list(nsSelector.matchNames).length > 0 ? strings(nsSelector.matchNames).includes(ns ?? '') : ns === monitor.namespace);
    const candidates =
      nsSelector.any === true || list(nsSelector.matchNames).length > 0
        ? serviceIndex.candidates(null, selector)
        : monitor.namespace === null
          ? (servicesByNamespace.get(null) ?? [])
          : serviceIndex.candidates([monitor.namespace], selector);
    const selected = candidates.filter((s) => inScope(s.namespace) && matches(at(s.object, 'metadata', 'labels'), selector));
    if (selected.length === 0) {
      resolution.unresolved.push({ monitor, message: 'selects no Service' });
      continue;
    }
    const jobLabel = str(at(monitor.object, 'spec', 'jobLabel'));
    for (const endpoint of list(at(monitor.object, 'spec', 'endpoints')).filter(isDict)) {
      const portName = str(endpoint.port);
      const target = endpoint.targetPort;
      const path = str(endpoint.path) ?? '/metrics';
      const label = portName ? `port ${portName}` : `targetPort ${String(target)}`;
      for (const service of selected) {
        const job = (jobLabel && str(at(service.object, 'metadata', 'labels', jobLabel))) || service.name;
        const servicePort = portName ? list(at(service.object, 'spec', 'ports')).find((p) => isDict(p) && p.name === portName) : undefined;
        if (portName && !servicePort) {
          resolution.unresolved.push({ monitor, message: `${label}: Service ${service.name} has no port of that name` });
          continue;
        }
        const wanted = portName ? (at(servicePort, 'targetPort') ?? at(servicePort, 'port')) : target;
        const podSelector = dict(at(service.object, 'spec', 'selector'));
        const backends =
          service.namespace === null || Object.keys(podSelector).length === 0
            ? []
            : workloadIndex.candidates([service.namespace], podSelector).filter((w) => w.namespace === service.namespace && matches(at(podTemplate(w), 'metadata', 'labels'), podSelector));
        if (backends.length === 0) {
          resolution.unresolved.push({ monitor, message: `${label}: Service ${service.name} selects no workload of the output` });
          continue;
        }
        for (const workload of backends) {
          const port = containerPorts(workload).find((p) => p.number === wanted || (p.name !== undefined && p.name === wanted));
          const declared = declaration(workload);
          const problem = !port
            ? `no container port ${String(wanted)}`
            : !declared
              ? 'declares no metrics (metrics in its service.ts)'
              : declared.port !== String(port.number) && declared.port !== port.name
                ? `serves metrics on port ${declared.port}, not on container port ${port.number}`
                : declared.path !== path
                  ? `serves metrics at ${declared.path}, not ${path}`
                  : undefined;
          resolution.targets.push({ monitor, endpoint: label, path, job, service, workload, declared, problem });
        }
      }
    }
  }
  cache.set(objects, resolution);
  return resolution;
}
