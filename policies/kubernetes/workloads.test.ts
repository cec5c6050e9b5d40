import { describe, expect, it } from 'vitest';
import { kubernetesRules } from '../index.js';
import { APP_DIR, compliantApp, compliantDeployment, podSpec, yamlFile, type Manifest } from '../testing/kubernetes-fixtures.js';
import { findings } from '../testing/run-rule.js';
import { imageProblem } from './pinned-images.js';
import { runAsNonRoot } from './run-as-non-root.js';

describe('Kubernetes workloads as the rules see them', () => {
  it('the compliant app passes every Kubernetes rule', () => {
    expect(kubernetesRules.flatMap((rule) => findings(rule, compliantApp()))).toEqual([]);
  });

  it('checks every Pod-bearing kind at its Pod spec path', () => {
    const spec = podSpec(compliantDeployment());
    const root: Manifest = { ...spec, securityContext: {} };
    const kinds: Manifest[] = [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'platform-apps' }, spec: root },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd', namespace: 'platform-apps' }, spec: { template: { spec: root } } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'platform-apps' }, spec: { jobTemplate: { spec: { template: { spec: root } } } } },
    ];
    expect(findings(runAsNonRoot, [yamlFile(`${APP_DIR}/kinds.yaml`, kinds)]).map((f) => f.resource)).toEqual([
      'Pod/platform-apps/p',
      'DaemonSet/platform-apps/d',
      'CronJob/platform-apps/c',
    ]);
  });

  it('gives a namespaced object without metadata.namespace the destination of the Application deploying its folder', () => {
    const deployment = compliantDeployment();
    delete deployment.metadata.namespace;
    podSpec(deployment).securityContext = {};
    const app = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'api' }, spec: { source: { path: `${APP_DIR}/` }, destination: { namespace: 'team-a' } } };
    const files = [yamlFile(`${APP_DIR}/deployment.yaml`, [deployment]), yamlFile('argocd/dev/apps/api.yaml', [app])];
    expect(findings(runAsNonRoot, files).map((f) => f.resource)).toEqual(['Deployment/team-a/api']);
  });

  it.each([
    ['repo/app:1.2.3', undefined],
    ['registry.example.com:5000/team/app:v1', undefined],
    ['app@sha256:abc123', undefined],
    ['app', 'image "app" has neither a tag nor a digest'],
    ['registry.example.com:5000/app', 'image "registry.example.com:5000/app" has neither a tag nor a digest'],
    ['app:latest', 'image "app:latest" uses the mutable tag latest'],
  ])('image %s', (image, problem) => {
    expect(imageProblem(image)).toBe(problem);
  });
});
