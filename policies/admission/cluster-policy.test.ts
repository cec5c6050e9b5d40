import { describe, expect, it } from 'vitest';
import type { PolicyException } from '../../environments/types.js';
import { kyvernoPoliciesApp, kyvernoPoliciesGenerator } from '../../generators/kubernetes/kyverno-policies.js';
import type { ResolvedEnvironment } from '../../generators/model/types.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { kubernetesRules } from '../index.js';
import { LATEST_IMAGE, PINNED_IMAGE, pinnedImages } from '../kubernetes/pinned-images.js';
import { runAsNonRoot } from '../kubernetes/run-as-non-root.js';
import { clusterPolicy, exceptionFilters } from './cluster-policy.js';
import { clusterPolicyProblems } from './validate.js';

const model = loadRepositoryModel();
const env = (name: string) => model.environments.find((e) => e.name === name)!;
const withExceptions = (e: ResolvedEnvironment, policyExceptions: PolicyException[]) => ({ ...e, policyExceptions });
const exception = (rule: string, resource: string): PolicyException => ({ rule, resource, reason: 'node agent', expires: '2030-01-01' });

type Policy = { metadata: { name: string }; spec: { background: boolean; rules: { name: string; exclude: { any: unknown[] }; validate: { failureAction: string } }[] } };
const documents = (e: ResolvedEnvironment) => kyvernoPoliciesGenerator.generate(e, model).map((f) => (f.content.format === 'yaml' ? (f.content.documents[0] as Policy) : undefined)!);

describe('Kyverno ClusterPolicies', () => {
  it('are valid against the Kyverno CRD schema in every environment, with and without exceptions', () => {
    const exceptions = [exception('K8S-008', 'DaemonSet/platform-monitoring/log-agent'), exception('K8S-010', 'Namespace/argocd'), exception('K8S-011', 'Secret/argocd/argocd-secret')];
    for (const e of [...model.environments, withExceptions(env('prod'), exceptions)]) {
      for (const policy of documents(e)) expect(clusterPolicyProblems(policy), policy.metadata.name).toEqual([]);
    }
  });

  it('exist once per Kubernetes rule, named after its id, with unique rule names of at most 63 characters', () => {
    const policies = documents(env('prod'));
    expect(policies.map((p) => p.metadata.name.slice(0, 7).toUpperCase())).toEqual(kubernetesRules.map((r) => r.id));
    for (const policy of policies) {
      const names = policy.spec.rules.map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name.length).toBeLessThanOrEqual(63);
    }
  });

  it('audit in dev and enforce in staging and prod', () => {
    const actions = (name: string) => [...new Set(documents(env(name)).flatMap((p) => p.spec.rules.map((r) => r.validate.failureAction)))];
    expect([actions('dev'), actions('staging'), actions('prod')]).toEqual([['Audit'], ['Enforce'], ['Enforce']]);
  });

  it('exclude the EKS system namespaces and exactly the environment\'s exceptions to that rule', () => {
    const e = withExceptions(env('prod'), [exception('K8S-001', 'Deployment/platform-apps/legacy'), exception('K8S-002', 'Deployment/platform-apps/other')]);
    const policy = clusterPolicy(runAsNonRoot, e) as Policy;
    for (const rule of policy.spec.rules) {
      expect(rule.exclude.any).toEqual([
        { resources: { namespaces: ['kube-node-lease', 'kube-public', 'kube-system'] } },
        { resources: { kinds: ['Deployment'], namespaces: ['platform-apps'], names: ['legacy'] } },
        { resources: { kinds: ['Pod'], namespaces: ['platform-apps'], names: ['legacy-*'] } },
      ]);
    }
  });

  it.each([
    ['Namespace/argocd', [{ resources: { namespaces: ['argocd'] } }]],
    ['Secret/argocd/argocd-secret', [{ resources: { kinds: ['Secret'], namespaces: ['argocd'], names: ['argocd-secret'] } }]],
    ['ClusterRole/view', [{ resources: { kinds: ['ClusterRole'], names: ['view'] } }]],
    [
      'CronJob/platform-apps/report',
      [
        { resources: { kinds: ['CronJob'], namespaces: ['platform-apps'], names: ['report'] } },
        { resources: { kinds: ['Job', 'Pod'], namespaces: ['platform-apps'], names: ['report-*'] } },
      ],
    ],
    ['not-a-resource', []],
  ])('turn the exception resource %s into exclusions', (resource, filters) => {
    expect(exceptionFilters(exception('K8S-001', resource))).toEqual(filters);
  });

  it('use the same image patterns as the synth-time check', () => {
    const text = JSON.stringify(clusterPolicy(pinnedImages, env('prod')));
    expect(text).toContain(JSON.stringify(PINNED_IMAGE).slice(1, -1));
    expect(text).toContain(JSON.stringify(LATEST_IMAGE).slice(1, -1));
  });

  it('are checked by a schema that rejects what Kyverno would reject or silently drop', () => {
    const good = clusterPolicy(runAsNonRoot, env('prod')) as Policy & Record<string, any>;
    const broken = (change: (p: any) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return clusterPolicyProblems(copy);
    };
    expect(broken((p) => (p.spec.rules[0].validate.failureAction = 'Block'))).toContain('/spec/rules/0/validate/failureAction: must be equal to one of the allowed values');
    expect(broken((p) => (p.spec.rules[0].name = 'x'.repeat(64)))).toContain('/spec/rules/0/name: must NOT have more than 63 characters');
    expect(broken((p) => (p.spec.rules[0].validate.patterns = {}))).toContain('/spec/rules/0/validate: must NOT have additional properties');
    expect(broken((p) => (p.spec.rules[0].validate.deny = { conditions: { any: [] } }))).toContain('/spec/rules/0/validate: must match exactly one schema in oneOf');
    expect(broken((p) => (p.spec.rules[0].preconditions.all[0].operator = 'Is'))).toContain('/spec/rules/0/preconditions/all/0/operator: must be equal to one of the allowed values');
  });

  it('are deployed by a manifest app after Kyverno, in the platform project', () => {
    expect(kyvernoPoliciesApp(env('staging'))).toEqual({
      name: 'kyverno-policies',
      path: 'generated/kubernetes/staging/kyverno-policies',
      namespace: 'platform-system',
      project: 'platform',
      dependsOn: ['kyverno'],
      hpaManagedReplicas: false,
      serverSideApply: false,
    });
  });
});
