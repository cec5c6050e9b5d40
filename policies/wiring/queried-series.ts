/**
 * WIRE-006: alerts and autoscaling metrics query only series something exports.
 *
 * Exported series: what each scrape target's pods declare (by job), the platform exporters' table
 * (platform-series.ts, for the add-ons installed), and the names PrometheusRules record. Checked:
 * every vector selector of a PrometheusRule expression and of a Grafana dashboard panel
 * (queries.ts; a `job="…"` matcher naming a scraped job must find the series in that job's
 * declaration); every prometheus-adapter custom rule's
 * seriesQuery; every HPA Pods/Object metric, which must be served by a prometheus-adapter rule whose
 * series the HPA's target workload itself exports.
 */
import type { KubeObject } from '../engine/kubernetes.js';
import type { Finding, Rule } from '../engine/types.js';
import { at, isDict, list, str } from '../engine/values.js';
import { PLATFORM_SERIES } from './platform-series.js';
import { queries } from './queries.js';
import { vectorSelectors } from './promql-series.js';
import { helmReleases, valueOr } from './releases.js';
import { scrapeTargets } from './scrape-targets.js';

interface AdapterRule {
  serves: string;
  series: string[];
}

function adapterRules(kubernetes: readonly KubeObject[]): { release: KubeObject; rules: AdapterRule[]; defaults: boolean }[] {
  return helmReleases(kubernetes)
    .filter((r) => r.chart === 'prometheus-adapter')
    .map((r) => ({
      release: r.application,
      // chart default: rules.default true (its built-in rules, which this check cannot see).
      defaults: valueOr(r, ['rules', 'default'], true) === true,
      rules: list(valueOr(r, ['rules', 'custom'], [])).filter(isDict).map((rule) => {
        const series = vectorSelectors(str(rule.seriesQuery) ?? '').map((s) => s.name);
        return { serves: str(at(rule, 'name', 'as')) ?? series[0] ?? '', series };
      }),
    }));
}

export const queriedSeries: Rule = {
  id: 'WIRE-006',
  severity: 'error',
  area: 'wiring',
  title: 'Alerts and autoscaling query exported series',
  checks:
    'Series names in PrometheusRule expressions, Grafana dashboard panels (ConfigMaps labelled grafana_dashboard), prometheus-adapter seriesQuery and HPA Pods/Object metrics against the series scrape targets declare (per job when the expression pins job="…"), the platform exporters\' table and recorded rules; an HPA metric must come from an adapter rule over a series its own target exports.',
  why: 'A query over a series nobody exports returns nothing: the alert never fires and the HPA reports FailedGetPodsMetric and never scales.',
  fix: 'Declare the family in the service\'s `metrics` (if the image exports it), fix the name in the rule, or add the exporter\'s series to policies/wiring/platform-series.ts when an installed add-on provides it.',
  check({ kubernetes }) {
    const { targets } = scrapeTargets(kubernetes);
    const byJob = new Map<string, Set<string>>();
    const byWorkload = new Map<KubeObject, Set<string>>();
    const add = <K>(map: Map<K, Set<string>>, key: K, series: readonly string[]) => {
      const set = map.get(key) ?? new Set<string>();
      for (const s of series) set.add(s);
      map.set(key, set);
    };
    for (const t of targets) {
      const series = t.problem === undefined ? (t.declared?.series ?? []) : [];
      add(byJob, t.job, series);
      add(byWorkload, t.workload, series);
    }
    const rules = kubernetes.filter((o) => o.kind === 'PrometheusRule');
    const recorded = rules.flatMap((o) => list(at(o.object, 'spec', 'groups')).flatMap((g) => list(at(g, 'rules')).flatMap((r) => (isDict(r) && typeof r.record === 'string' ? [r.record] : []))));
    const installed = new Set(helmReleases(kubernetes).map((r) => r.chart));
    const all = new Set([...[...byJob.values()].flatMap((s) => [...s]), ...Object.entries(PLATFORM_SERIES).flatMap(([addon, names]) => (installed.has(addon) ? names : [])), ...recorded]);
    const findings: Finding[] = [];

    for (const query of queries(kubernetes)) {
      const missing = new Set<string>();
      for (const s of vectorSelectors(query.expr)) {
        const job = s.labels.job;
        const pinned = job !== undefined && byJob.has(job);
        if (!(pinned ? byJob.get(job)! : all).has(s.name)) missing.add(pinned ? `${s.name} (job ${job})` : s.name);
      }
      for (const m of missing) findings.push({ file: query.object.file, resource: query.object.resource, message: `${query.name} queries ${m}, which no scrape target exports` });
    }

    const adapters = adapterRules(kubernetes);
    for (const { release, rules: custom } of adapters) {
      for (const r of custom) for (const s of r.series) if (!all.has(s)) findings.push({ file: release.file, resource: release.resource, message: `prometheus-adapter rule for ${r.serves} reads ${s}, which no scrape target exports` });
    }

    const byResource = new Map(kubernetes.map((o) => [o.resource, o]));
    // The first adapter rule serving each metric name (what a search of every rule per HPA metric finds).
    const servingByName = new Map<string, AdapterRule>();
    for (const r of adapters.flatMap((a) => a.rules)) if (!servingByName.has(r.serves)) servingByName.set(r.serves, r);
    for (const hpa of kubernetes.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
      const targetName = str(at(hpa.object, 'spec', 'scaleTargetRef', 'name'));
      const targetKind = str(at(hpa.object, 'spec', 'scaleTargetRef', 'kind'));
      const workload = byResource.get(`${targetKind}/${hpa.namespace}/${targetName}`);
      for (const metric of list(at(hpa.object, 'spec', 'metrics')).filter(isDict)) {
        const type = str(metric.type);
        if (type !== 'Pods' && type !== 'Object') continue;
        const name = str(at(metric, type === 'Pods' ? 'pods' : 'object', 'metric', 'name')) ?? '';
        const serving = servingByName.get(name);
        if (!serving) {
          if (adapters.some((a) => a.defaults)) continue; // served perhaps by the adapter's built-in rules: not visible here
          findings.push({ file: hpa.file, resource: hpa.resource, message: `metric ${name} is served by no prometheus-adapter rule` });
          continue;
        }
        const own = workload ? byWorkload.get(workload) : undefined;
        for (const s of serving.series) {
          if (!own?.has(s)) findings.push({ file: hpa.file, resource: hpa.resource, message: `metric ${name} needs ${s} from ${targetKind} ${targetName}, which no ServiceMonitor scrapes from it` });
        }
      }
    }
    return findings;
  },
};
