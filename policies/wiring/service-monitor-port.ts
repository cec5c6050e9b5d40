/** WIRE-005: every ServiceMonitor endpoint reaches a container port where the pod serves metrics. */
import type { Rule } from '../engine/types.js';
import { scrapeTargets } from './scrape-targets.js';

export const serviceMonitorPort: Rule = {
  id: 'WIRE-005',
  severity: 'error',
  area: 'wiring',
  title: 'ServiceMonitors scrape ports that serve metrics',
  checks:
    'Each ServiceMonitor endpoint is traced to Services (selector, namespaceSelector), the Service port, the workloads the Service selects and their container port; the pod must declare metrics on that port and path (annotations metrics.platform.acme.example/* written from `metrics` in the service file).',
  why: 'A scrape of a port without metrics fails or returns nothing: alerts built on the series never fire and request-rate autoscaling has no input.',
  fix: 'Declare what the image serves in `metrics` of services/<name>/service.ts (port, path, families), or point the ServiceMonitor at the port that serves them.',
  check({ kubernetes }) {
    const { targets, unresolved } = scrapeTargets(kubernetes);
    return [
      ...unresolved.map(({ monitor, message }) => ({ file: monitor.file, resource: monitor.resource, message })),
      ...targets
        .filter((t) => t.problem !== undefined)
        .map((t) => ({ file: t.monitor.file, resource: t.monitor.resource, message: `${t.endpoint} → Service ${t.service.name} → ${t.workload.kind} ${t.workload.name}: ${t.problem}` })),
    ];
  },
};
