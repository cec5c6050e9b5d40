/**
 * Admission fixtures: a made-up chart `demo` with its record, the Argo CD Application that installs
 * it, and the generated ClusterPolicies of an environment, so each ADM rule can be shown passing
 * and failing without the real repository.
 */
import { FIXTURE_ENVIRONMENTS } from './run-rule.js';
import type { PolicyException } from '../../environments/types.js';
import { clusterPolicy } from '../admission/cluster-policy.js';
import type { ChartRecord, RecordedWorkload } from '../admission/charts/record.js';
import type { PolicyFile } from '../engine/documents.js';
import { kubernetesRules } from '../index.js';
import { compliantContainer, yamlFile, type Manifest } from './kubernetes-fixtures.js';

export const DEMO_NAMESPACE = 'platform-system';

export function demoWorkload(): RecordedWorkload {
  const container = compliantContainer('demo');
  return {
    kind: 'Deployment',
    name: 'demo',
    template: 'templates/deployment.yaml',
    podSpec: { securityContext: { runAsNonRoot: true, runAsUser: 65532 }, containers: [{ ...container, name: 'demo', image: 'example.org/demo:1.0.0' }] },
  };
}

export function demoRecord(change: (record: ChartRecord) => void = () => {}): ChartRecord {
  const record: ChartRecord = {
    chart: 'demo',
    version: '1.0.0',
    releaseName: 'demo',
    source: { repository: 'https://example.org/charts', path: 'charts/demo', ref: 'demo-1.0.0' },
    assumedValues: { 'securityContext.readOnlyRootFilesystem': true, 'extra.0.name': 'a' },
    workloads: [demoWorkload()],
  };
  change(record);
  return record;
}

export function demoApplication(env: string, change: (app: Manifest) => void = () => {}): PolicyFile {
  const app: Manifest = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'demo', namespace: 'argocd' },
    spec: {
      destination: { namespace: DEMO_NAMESPACE, server: 'https://kubernetes.default.svc' },
      project: 'platform',
      source: {
        chart: 'demo',
        repoURL: 'https://example.org/charts',
        targetRevision: '1.0.0',
        helm: { releaseName: 'demo', valuesObject: { securityContext: { readOnlyRootFilesystem: true }, extra: [{ name: 'a' }] } },
      },
    },
  };
  change(app);
  return yamlFile(`argocd/${env}/apps/demo.yaml`, [app], env);
}

/** The environment's ClusterPolicies as the generator writes them, with the given exceptions as exclusions. */
export function clusterPolicies(env: string, exceptions: PolicyException[] = [], change: (policy: Manifest) => void = () => {}): PolicyFile[] {
  return kubernetesRules.map((rule) => {
    const policy = clusterPolicy(rule, { name: env, tier: FIXTURE_ENVIRONMENTS.find((e) => e.name === env)?.tier ?? 'development', policyExceptions: exceptions.filter((e) => e.rule === rule.id) }) as Manifest;
    change(policy);
    return yamlFile(`generated/kubernetes/${env}/kyverno-policies/${policy.metadata.name}.yaml`, [policy], env);
  });
}

export const exceptionFor = (rule: string, resource: string): PolicyException => ({ rule, resource, reason: 'fixture', expires: '2030-01-01' });
