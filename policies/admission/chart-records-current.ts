/**
 * ADM-001: every upstream chart an environment installs has an admission record of the pinned
 * version, taken with the values the Application now passes. A Renovate bump, or a changed value the
 * record relied on, fails synth until someone re-reads the chart's templates. Only where Kyverno
 * enforces: in an auditing environment (dev) nothing is blocked, so a chart version can be trialled
 * there before it is recorded.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Finding, Rule } from '../engine/types.js';
import { isDict } from '../engine/values.js';
import type { KubeObject } from '../engine/kubernetes.js';
import { at, list } from '../engine/values.js';
import { chartApplications } from './admission-view.js';
import type { ChartRecord } from './charts/record.js';
import { chartRecords } from './charts/index.js';

const RECORDS_DIR = 'policies/admission/charts/';

/** The value at a dotted path (`statefulSet.securityContext.runAsUser`, `initContainers.0.name`). */
export function valueAt(values: unknown, path: string): unknown {
  let current = values;
  for (const key of path.split('.')) {
    if (Array.isArray(current) && /^[0-9]+$/.test(key)) current = current[Number(key)];
    else if (isDict(current)) current = current[key];
    else return undefined;
  }
  return current;
}

/** Whether any of the environment's generated ClusterPolicies enforces. */
export function enforcesAdmission(objects: readonly KubeObject[]): boolean {
  return objects.some(
    (o) => o.kind === 'ClusterPolicy' && o.apiVersion.startsWith('kyverno.io/') && list(at(o.object, 'spec', 'rules')).some((r) => at(r, 'validate', 'failureAction') === 'Enforce'),
  );
}

const shown = (value: unknown) => (value === undefined ? 'unset' : JSON.stringify(value));

export function chartRecordsRule(records: readonly ChartRecord[]): Rule {
  return {
    id: 'ADM-001',
    severity: 'error',
    area: 'admission',
    title: 'Upstream charts recorded at their pinned version',
    checks:
      'In every environment whose Kyverno policies enforce, each Argo CD Application that installs a Helm chart has a record in policies/admission/charts/ of that chart at exactly the pinned `targetRevision`, for the same release name, and every value the record assumed is still what the Application passes.',
    why: 'Charts render their workloads in the cluster, out of synth\'s sight: admission (ADM-002) can only be checked against a record that matches what Argo CD will render. A Renovate bump or a changed value can change securityContexts, probes or images.',
    fix: 'Re-record the chart: read its templates and values.yaml at the pinned tag (README, "Admission with Kyverno") and update the record\'s version, assumed values and workloads.',
    check: ({ kubernetes }) => {
      if (!enforcesAdmission(kubernetes)) return [];
      return chartApplications(kubernetes).flatMap((app): Finding[] => {
        const at = (message: string): Finding => ({ file: app.application.file, resource: app.application.resource, message });
        const ofChart = records.filter((r) => r.chart === app.chart);
        if (ofChart.length === 0) return [at(`chart ${app.chart} ${app.version} has no admission record: record what it renders in ${RECORDS_DIR}`)];
        const record = ofChart.find((r) => r.version === app.version);
        if (!record) {
          const read = ofChart.map((r) => r.version).join(', ');
          return [at(`chart ${app.chart} is pinned at ${app.version} but its admission record was read at ${read}: re-record it from the chart's templates at ${app.version}`)];
        }
        const problems: Finding[] = [];
        if (record.releaseName !== app.releaseName)
          problems.push(at(`release name is ${app.releaseName} but the admission record of chart ${app.chart} assumed ${record.releaseName}: re-record it`));
        for (const [path, assumed] of Object.entries(record.assumedValues)) {
          const actual = valueAt(app.values, path);
          if (!isDeepStrictEqual(actual, assumed))
            problems.push(at(`value ${path} is ${shown(actual)} but the admission record of chart ${app.chart} assumed ${shown(assumed)}: re-record it`));
        }
        return problems;
      });
    },
  };
}

export const chartRecordsCurrent = chartRecordsRule(chartRecords);
