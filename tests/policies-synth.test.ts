/** Policies inside `runSynth`: errors stop it before anything is written (also with --check); warnings do not. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnvironmentGenerator } from '../generators/generator.js';
import { PolicyError, runSynth } from '../scripts/lib/synth-command.js';
import { compliantDeployment, podSpec } from '../policies/testing/kubernetes-fixtures.js';
import { BEFORE_ANY_EXPIRY } from './support/dates.js';
import { repositoryModel } from './support/synth.js';

/** The real environments without their exceptions, so the findings below are exactly the fixture's. */
const model = repositoryModel({ environment: (env) => void (env.policyExceptions = []) });
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));
const emptyRoot = () => {
  const root = mkdtempSync(join(tmpdir(), 'synth-policies-'));
  roots.push(root);
  return root;
};

/** A generator emitting one manifest per environment. */
const emitting = (document: Record<string, unknown>): EnvironmentGenerator => ({
  name: 'test/fixture',
  scope: 'environment',
  generate: (env) => [{ path: `generated/kubernetes/${env.name}/fixture/object.yaml`, environment: env.name, generator: 'test/fixture', sources: ['test'], content: { format: 'yaml', documents: [document] } }],
});

const rootDeployment = () => {
  const d = compliantDeployment();
  podSpec(d).securityContext = {};
  return { ...d, spec: { ...d.spec, replicas: 1 } };
};

describe('runSynth with policies', () => {
  it.each([false, true])('stops on an error-level violation before writing anything (check: %s)', (check) => {
    const root = emptyRoot();
    const run = () => runSynth({ root, check, environments: ['dev'], model, today: BEFORE_ANY_EXPIRY, generators: [emitting(rootDeployment())] });
    expect(run).toThrow(PolicyError);
    expect(run).toThrow(
      [
        'error K8S-001 dev generated/kubernetes/dev/fixture/object.yaml Deployment/platform-apps/api: container "api": runAsNonRoot is not true',
        'error K8S-010 dev generated/kubernetes/dev/fixture/object.yaml Namespace/platform-apps: no default-deny NetworkPolicy for ingress and egress',
        '2 policy error(s), 0 warning(s). Nothing was written.',
      ].join('\n'),
    );
    expect(readdirSync(root)).toEqual([]);
  });

  it('writes and reports warnings when there are no errors', () => {
    const root = emptyRoot();
    const project = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'team', namespace: 'argocd' }, spec: { sourceRepos: ['*'], destinations: [] } };
    const { plan, policies } = runSynth({ root, check: false, environments: ['dev'], model, today: BEFORE_ANY_EXPIRY, generators: [emitting(project)] });
    expect(policies.violations.map((v) => [v.rule, v.severity, v.resource])).toEqual([['GITOPS-004', 'warning', 'AppProject/argocd/team']]);
    expect(plan.writes.map((w) => w.path)).toEqual(['generated/kubernetes/dev/fixture/object.yaml', 'generated/manifest.json']);
    expect(readdirSync(join(root, 'generated/kubernetes/dev/fixture'))).toEqual(['object.yaml']);
  });
});
