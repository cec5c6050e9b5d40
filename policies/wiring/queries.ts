/**
 * The PromQL the environment runs: PrometheusRule alert and recording expressions, and the panel
 * queries of Grafana dashboards (ConfigMaps the Grafana sidecar loads: label `grafana_dashboard`,
 * kube-prometheus-stack's default). Each with a name for the finding.
 */
import type { KubeObject } from '../engine/kubernetes.js';
import { at, dict, isDict, list, str } from '../engine/values.js';

export interface Query {
  object: KubeObject;
  /** `rule ErrorRateHigh`, `dashboard panel "Rate"` */
  name: string;
  expr: string;
}

const DASHBOARD_LABEL = 'grafana_dashboard';

/** Every `expr` under a dashboard's panels (rows nest panels), with the panel title. */
function panelQueries(value: unknown, title: string, found: { title: string; expr: string }[]): void {
  if (Array.isArray(value)) for (const v of value) panelQueries(v, title, found);
  else if (isDict(value)) {
    const here = str(value.title) ?? title;
    if (typeof value.expr === 'string') found.push({ title: here, expr: value.expr });
    for (const key of Object.keys(value)) if (key !== 'expr') panelQueries(value[key], here, found);
  }
}

export function queries(kubernetes: readonly KubeObject[]): Query[] {
  const rules = kubernetes
    .filter((o) => o.kind === 'PrometheusRule')
    .flatMap((object) =>
      list(at(object.object, 'spec', 'groups')).flatMap((group) =>
        list(at(group, 'rules'))
          .filter(isDict)
          .map((r) => ({ object, name: `rule ${str(r.alert) ?? str(r.record) ?? '<unnamed>'}`, expr: str(r.expr) ?? '' })),
      ),
    );
  const dashboards = kubernetes
    .filter((o) => o.kind === 'ConfigMap' && at(o.object, 'metadata', 'labels', DASHBOARD_LABEL) !== undefined)
    .flatMap((object) =>
      Object.values(dict(object.object.data)).flatMap((text) => {
        let json: unknown;
        try {
          json = JSON.parse(String(text));
        } catch {
          return [];
        }
        const found: { title: string; expr: string }[] = [];
        panelQueries(at(json, 'panels'), '', found);
        return found.map((q) => ({ object, name: `dashboard panel "${q.title}"`, expr: q.expr }));
      }),
    );
  return [...rules, ...dashboards];
}
