import { describe, expect, it } from 'vitest';
import { charts } from '../../environments/versions.js';
import { findings } from '../testing/run-rule.js';
import { clusterPolicies, DEMO_NAMESPACE, demoApplication, demoRecord, exceptionFor } from '../testing/admission-fixtures.js';
import { yamlFile } from '../testing/kubernetes-fixtures.js';
import { chartRecords } from './charts/index.js';
import { chartRecordsRule, valueAt } from './chart-records-current.js';
import { admittedObjects, applyingActions, filterMatches, kyvernoInspects, wildcardMatch } from './kyverno-match.js';
import { workloadsAdmittedRule } from './workloads-admitted.js';

const rootRecord = [demoRecord((r) => (r.workloads[0]!.podSpec.securityContext = { runAsUser: 0 }))];

describe('Kyverno match semantics', () => {
  it.each([
    ['velero-*', 'velero-5d8f9c7b6-x2x7q', true],
    ['velero-*', 'velero', false],
    ['velero-?', 'velero-0', true],
    ['a.b', 'axb', false],
    ['*', 'anything', true],
  ])('wildcard %s against %s is %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });

  it('matches kinds (also group/version/Kind), namespaces and names together', () => {
    const pod = { kind: 'Pod', namespace: 'platform-system', name: 'velero-abc' };
    expect(filterMatches({ resources: { kinds: ['v1/Pod'], namespaces: ['platform-*'], names: ['velero-*'] } }, pod)).toBe(true);
    expect(filterMatches({ resources: { kinds: ['Pod'], namespaces: ['platform-apps'] } }, pod)).toBe(false);
    expect(filterMatches({ resources: { kinds: ['Deployment'] } }, pod)).toBe(false);
    expect(filterMatches({ subjects: [{ kind: 'User', name: 'x' }] }, pod)).toBe(false);
  });

  it('applies a rule that matches and is not excluded, with its failure action', () => {
    const policy = { spec: { rules: [{ match: { any: [{ resources: { kinds: ['Pod'] } }] }, exclude: { any: [{ resources: { names: ['skip-*'] } }] }, validate: { failureAction: 'Enforce' } }] } };
    expect(applyingActions(policy, { kind: 'Pod', namespace: 'a', name: 'keep-1' })).toEqual(['Enforce']);
    expect(applyingActions(policy, { kind: 'Pod', namespace: 'a', name: 'skip-1' })).toEqual([]);
    expect(applyingActions(policy, { kind: 'Job', namespace: 'a', name: 'keep-1' })).toEqual([]);
  });

  it('skips what Kyverno never sees: system namespaces, its own namespace, filtered kinds', () => {
    expect(kyvernoInspects({ kind: 'Pod', namespace: 'kube-system', name: 'x' }, 'platform-policy')).toBe(false);
    expect(kyvernoInspects({ kind: 'Pod', namespace: 'platform-policy', name: 'x' }, 'platform-policy')).toBe(false);
    expect(kyvernoInspects({ kind: 'ReplicaSet', namespace: 'platform-system', name: 'x' }, 'platform-policy')).toBe(false);
    expect(kyvernoInspects({ kind: 'Pod', namespace: 'platform-system', name: 'x' }, 'platform-policy')).toBe(true);
  });

  it('names what controllers create', () => {
    expect(admittedObjects('CronJob', 'ns', 'r').map((o) => o.kind)).toEqual(['CronJob', 'Job', 'Pod']);
    expect(admittedObjects('StatefulSet', 'ns', 's').map((o) => o.name)).toEqual(['s', 's-0']);
  });
});

describe('ADM-002 per environment', () => {
  const rule = workloadsAdmittedRule(rootRecord);
  it('reports a violating chart workload where Kyverno enforces, not where it audits', () => {
    expect(findings(rule, [demoApplication('staging'), ...clusterPolicies('staging')]).map((f) => f.message)).toEqual([
      'chart demo 1.0.0 (templates/deployment.yaml): Kyverno policy k8s-001-run-as-non-root (Enforce) rejects the Deployment: container "demo": runAsNonRoot is not true; runAsUser is 0 (root)',
    ]);
    expect(findings(rule, [demoApplication('dev'), ...clusterPolicies('dev')])).toEqual([]);
  });

  it('finds nothing when the environment has no ClusterPolicies (nothing is enforced)', () => {
    expect(findings(rule, [demoApplication('staging')])).toEqual([]);
  });

  it('lets a dated exception (an exclusion in the ClusterPolicy) cover a chart workload', () => {
    expect(findings(rule, [demoApplication('staging'), ...clusterPolicies('staging', [exceptionFor('K8S-001', `Deployment/${DEMO_NAMESPACE}/demo`)])])).toEqual([]);
  });

  it('judges each environment of one run by its own ClusterPolicies (looked up once per environment)', () => {
    const files = [
      demoApplication('dev'),
      demoApplication('staging'),
      ...clusterPolicies('staging'),
      demoApplication('prod'),
      ...clusterPolicies('prod', [exceptionFor('K8S-001', `Deployment/${DEMO_NAMESPACE}/demo`)]),
    ];
    expect(findings(rule, files).map((f) => `${f.file}: ${f.message.split(':')[1]}`)).toEqual([
      `${demoApplication('staging').path}:  Kyverno policy k8s-001-run-as-non-root (Enforce) rejects the Deployment`,
    ]);
  });

  it("does not police Kyverno's own namespace", () => {
    const kyverno = yamlFile('argocd/staging/apps/kyverno.yaml', [
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'kyverno' }, spec: { destination: { namespace: DEMO_NAMESPACE }, source: { chart: 'kyverno', targetRevision: '3.4.1' } } },
    ], 'staging');
    expect(findings(rule, [kyverno, demoApplication('staging'), ...clusterPolicies('staging')])).toEqual([]);
  });
});

describe('ADM-001 per environment', () => {
  const rule = chartRecordsRule([demoRecord(), demoRecord((r) => (r.version = '1.1.0'))]);
  const bumped = (env: 'dev' | 'staging') => demoApplication(env, (a) => (a.spec.source.targetRevision = '2.0.0'));

  it('lets an auditing environment (dev) trial an unrecorded chart version, but not an enforcing one', () => {
    expect(findings(rule, [bumped('dev'), ...clusterPolicies('dev')])).toEqual([]);
    expect(findings(rule, [bumped('staging'), ...clusterPolicies('staging')]).map((f) => f.message)).toEqual([
      "chart demo is pinned at 2.0.0 but its admission record was read at 1.0.0, 1.1.0: re-record it from the chart's templates at 2.0.0",
    ]);
  });

  it('accepts any recorded version (two during an upgrade)', () => {
    expect(findings(rule, [demoApplication('staging', (a) => (a.spec.source.targetRevision = '1.1.0')), ...clusterPolicies('staging')])).toEqual([]);
  });
});

describe('chart records', () => {
  it('reads dotted value paths through objects and arrays', () => {
    expect(valueAt({ a: [{ b: 1 }] }, 'a.0.b')).toBe(1);
    expect(valueAt({ a: 1 }, 'a.b')).toBeUndefined();
  });

  it('are one per chart version, of a chart the platform installs, each naming where it was read', () => {
    const names = chartRecords.map((r) => `${r.chart}@${r.version}`);
    expect(new Set(names).size).toBe(names.length);
    const known = Object.values(charts).map((c) => c.chart);
    for (const record of chartRecords) {
      expect(known, record.chart).toContain(record.chart);
      expect(record.source.repository).toMatch(/^https:\/\//);
      expect(record.source.ref.length).toBeGreaterThan(0);
      expect(record.workloads.length).toBeGreaterThan(0);
      // A subchart's templates sit under charts/<subchart>/templates/ in the packaged chart.
      for (const w of record.workloads) expect(w.template).toMatch(/^(charts\/[a-z0-9-]+\/)?templates\//);
    }
  });
});
