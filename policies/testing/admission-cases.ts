/** Passing and failing fixtures for the admission rules (ADM-*). */
import { chartRecordsRule } from '../admission/chart-records-current.js';
import { workloadsAdmittedRule } from '../admission/workloads-admitted.js';
import { clusterPolicies, DEMO_NAMESPACE, demoApplication, demoRecord, exceptionFor } from './admission-fixtures.js';
import { compliantContainer, yamlFile, type Manifest } from './kubernetes-fixtures.js';
import type { RuleCase } from './run-rule.js';

const APP_FILE = 'argocd/staging/apps/demo.yaml';
const APP = 'Application/argocd/demo';
const DEPLOYMENT = `Deployment/${DEMO_NAMESPACE}/demo`;
const records = [demoRecord()];
const writableRoot = [demoRecord((r) => (r.workloads[0]!.podSpec.containers[0]!.securityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }))];

/** A CronJob in Git that runs as root (K8S-001), excepted for the CronJob only or also for what it creates. */
function rootCronJob(): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'report', namespace: 'platform-apps' },
    spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { spec: { containers: [compliantContainer('report')] } } } } },
  };
}
const CRONJOB_FILE = 'generated/kubernetes/staging/report/cronjob.yaml';
const CRONJOB_EXCEPTION = exceptionFor('K8S-001', 'CronJob/platform-apps/report');

export const admissionCases: RuleCase[] = [
  {
    rule: chartRecordsRule(records),
    name: 'Renovate bumped the chart without a new record',
    pass: () => [demoApplication('staging'), ...clusterPolicies('staging')],
    fail: () => [demoApplication('staging', (a) => (a.spec.source.targetRevision = '1.1.0')), ...clusterPolicies('staging')],
    expected: [{ file: APP_FILE, resource: APP, message: "chart demo is pinned at 1.1.0 but its admission record was read at 1.0.0: re-record it from the chart's templates at 1.1.0" }],
  },
  {
    rule: chartRecordsRule(records),
    name: 'a value the record assumed changed',
    pass: () => [demoApplication('staging'), ...clusterPolicies('staging')],
    fail: () => [demoApplication('staging', (a) => (a.spec.source.helm.valuesObject.extra[0].name = 'b')), ...clusterPolicies('staging')],
    expected: [{ file: APP_FILE, resource: APP, message: 'value extra.0.name is "b" but the admission record of chart demo assumed "a": re-record it' }],
  },
  {
    rule: chartRecordsRule(records),
    name: 'a chart nobody recorded',
    pass: () => [demoApplication('staging'), ...clusterPolicies('staging')],
    fail: () => [demoApplication('staging', (a) => (a.spec.source.chart = 'other')), ...clusterPolicies('staging')],
    expected: [{ file: APP_FILE, resource: APP, message: 'chart other 1.0.0 has no admission record: record what it renders in policies/admission/charts/' }],
  },
  {
    rule: workloadsAdmittedRule(writableRoot),
    name: 'a chart workload with a writable root file system where Kyverno enforces, without exception',
    pass: () => [demoApplication('staging'), ...clusterPolicies('staging', [exceptionFor('K8S-003', DEPLOYMENT)])],
    fail: () => [demoApplication('staging'), ...clusterPolicies('staging')],
    expected: [
      {
        file: APP_FILE,
        resource: DEPLOYMENT,
        message:
          'chart demo 1.0.0 (templates/deployment.yaml): Kyverno policy k8s-003-read-only-root-filesystem (Enforce) rejects the Deployment: container "demo": readOnlyRootFilesystem is not true',
      },
    ],
  },
  {
    rule: workloadsAdmittedRule(records),
    name: 'an exception that excludes a CronJob but not the Jobs and Pods it creates',
    pass: () => [yamlFile(CRONJOB_FILE, [rootCronJob()], 'staging'), ...clusterPolicies('staging', [CRONJOB_EXCEPTION])],
    fail: () => [
      yamlFile(CRONJOB_FILE, [rootCronJob()], 'staging'),
      ...clusterPolicies('staging', [CRONJOB_EXCEPTION], (policy) => {
        for (const rule of policy.spec.rules) rule.exclude.any = rule.exclude.any.filter((f: Manifest) => !f.resources?.kinds?.includes('Pod'));
      }),
    ],
    expected: [
      {
        file: CRONJOB_FILE,
        resource: 'CronJob/platform-apps/report',
        message: 'CronJob in Git: Kyverno policy k8s-001-run-as-non-root (Enforce) rejects the Job report-29000000 it creates: container "report": runAsNonRoot is not true',
      },
    ],
  },
];
