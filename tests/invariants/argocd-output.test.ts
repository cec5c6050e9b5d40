/**
 * Invariants over the Argo CD output of the whole repository (synthesized in memory), and proof
 * that each check catches what it is meant to catch.
 */
import { AppProject, Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import { describe, expect, it } from 'vitest';
import { charts } from '../../environments/versions.js';
import { argocdFiles } from '../../generators/argocd/files.js';
import type { ClusterApps } from '../../generators/cluster-apps.js';
import type { GeneratedFile } from '../../generators/document.js';
import { clusterApps } from '../../generators/kubernetes/apps.js';
import { kyvernoPoliciesGenerator } from '../../generators/kubernetes/kyverno-policies.js';
import { AWS_IDENTITIES, naming } from '../../generators/naming.js';
import { argoObjects, folderCoverageProblems, pathProblems, permissionProblems, waveProblems } from '../support/argocd-checks.js';
import { repositoryModel, synthAll } from '../support/synth.js';

const model = repositoryModel();
const files = await synthAll(model);
/** Once the Kubernetes generators produce anything, every manifest app must have its folder (the Kyverno policies come from the policies, not from them). */
const kubernetesGenerated = files.some((f) => f.path.startsWith('generated/kubernetes/') && f.generator !== kyvernoPoliciesGenerator.name);

describe.each(model.environments.map((env) => [env.name, env] as const))('Argo CD output of %s', (name, env) => {
  const argo = argoObjects(files, naming.argocdDir(name));
  const apps = clusterApps(env);

  it('has one Application per app and release, plus the root', () => {
    const names = argo.applications.map((a) => a.metadata.name).sort();
    expect(names).toEqual([naming.argocdRootApp, ...apps.manifests.map((a) => a.name), ...apps.releases.map((r) => r.name)].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it("every Application's path exists and holds manifests", () => {
    expect(pathProblems(argo, files, { onlyExisting: !kubernetesGenerated })).toEqual([]);
  });

  it('every generated app folder is referenced by exactly one Application', () => {
    expect(folderCoverageProblems(argo, files, `generated/kubernetes/${name}`)).toEqual([]);
  });

  it("every Application's project permits its repository, destination and kinds; nothing uses `default`", () => {
    expect(permissionProblems(argo, files)).toEqual([]);
    expect(argo.applications.filter((a) => a.spec.project === 'default')).toEqual([]);
    expect(argo.projects.map((p) => p.metadata.name)).not.toContain('default');
  });

  it('sync waves respect every dependency', () => {
    expect(waveProblems(argo, [...apps.manifests, ...apps.releases])).toEqual([]);
  });

  it('runs Atlantis (where hosted) in the namespace its IRSA role trusts', () => {
    const atlantis = apps.releases.find((r) => r.name === 'atlantis');
    expect(atlantis === undefined).toBe(!env.hostsPlatformTooling);
    if (atlantis) expect(atlantis.namespace).toBe(AWS_IDENTITIES.atlantis.namespace);
  });

  it('every Argo CD object validates against its schema', () => {
    for (const app of argo.applications) expect(() => new Application(app as never).validate(), app.file).not.toThrow();
    for (const project of argo.projects) expect(() => new AppProject(project as never).validate(), project.file).not.toThrow();
  });
});

describe('the Argo CD checks catch broken output', () => {
  const env = model.environments[0]!;
  const apps: ClusterApps = {
    manifests: [
      { name: 'baseline', path: 'generated/kubernetes/dev/baseline', namespace: 'platform-system', project: 'platform', dependsOn: [], hpaManagedReplicas: false, serverSideApply: false },
      { name: 'orders', path: 'generated/kubernetes/dev/orders', namespace: 'platform-apps', project: 'shop', dependsOn: ['baseline'], hpaManagedReplicas: true, serverSideApply: false },
    ],
    releases: [
      { name: 'cert-manager', namespace: 'platform-system', project: 'platform', chart: charts['cert-manager'], version: '1.0.0', values: {}, dependsOn: ['baseline'], serverSideApply: false },
    ],
  };
  const manifests = (path: string, documents: unknown[]): GeneratedFile => ({ path, environment: 'dev', generator: 'fixture', sources: [], content: { format: 'yaml', documents } });
  const good = [
    ...argocdFiles(env, apps),
    manifests('generated/kubernetes/dev/baseline/namespaces.yaml', [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'platform-apps' } }]),
    manifests('generated/kubernetes/dev/orders/deployment.yaml', [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'orders' } }]),
  ];
  const argo = argoObjects(good, 'argocd/dev');

  it('accept the sound fixture', () => {
    expect(pathProblems(argo, good, { onlyExisting: false })).toEqual([]);
    expect(folderCoverageProblems(argo, good, 'generated/kubernetes/dev')).toEqual([]);
    expect(permissionProblems(argo, good)).toEqual([]);
    expect(waveProblems(argo, [...apps.manifests, ...apps.releases])).toEqual([]);
  });

  it('report a missing path, an empty folder and an unreferenced folder', () => {
    const withoutOrders = good.filter((f) => !f.path.startsWith('generated/kubernetes/dev/orders/'));
    expect(pathProblems(argo, withoutOrders, { onlyExisting: false })).toEqual([
      'argocd/dev/apps/orders.yaml: Application orders: path generated/kubernetes/dev/orders does not exist',
    ]);
    expect(pathProblems(argo, withoutOrders, { onlyExisting: true })).toEqual([]);
    const empty = [...withoutOrders, { ...manifests('generated/kubernetes/dev/orders/README.txt', []), content: { format: 'text' as const, text: 'x' } }];
    expect(pathProblems(argo, empty, { onlyExisting: false })).toEqual(['argocd/dev/apps/orders.yaml: Application orders: generated/kubernetes/dev/orders holds no Kubernetes manifests']);
    const stray = [...good, manifests('generated/kubernetes/dev/payments/deployment.yaml', [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'p' } }])];
    expect(folderCoverageProblems(argo, stray, 'generated/kubernetes/dev')).toEqual([
      'generated/kubernetes/dev/payments: referenced by 0 Applications (none), expected exactly one',
    ]);
  });

  it("report kinds and namespaces a team's project does not permit", () => {
    const escalating = [
      ...good,
      manifests('generated/kubernetes/dev/orders/rbac.yaml', [
        { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'orders-admin' } },
        { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'more' } },
        { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'orders', namespace: 'platform-monitoring' } },
      ]),
    ];
    expect(permissionProblems(argo, escalating)).toEqual([
      'argocd/dev/apps/orders.yaml: Application orders: ClusterRole orders-admin (generated/kubernetes/dev/orders/rbac.yaml): cluster-scoped kind rbac.authorization.k8s.io/ClusterRole not permitted by project shop',
      'argocd/dev/apps/orders.yaml: Application orders: ResourceQuota more (generated/kubernetes/dev/orders/rbac.yaml): kind core/ResourceQuota not permitted by project shop',
      'argocd/dev/apps/orders.yaml: Application orders: ServiceMonitor orders (generated/kubernetes/dev/orders/rbac.yaml): namespace platform-monitoring not permitted by project shop',
    ]);
  });

  it('report a wave that does not follow a dependency', () => {
    const swapped = structuredClone(argo);
    swapped.applications.find((a) => a.metadata.name === 'orders')!.metadata.annotations!['argocd.argoproj.io/sync-wave'] = '0';
    expect(waveProblems(swapped, [...apps.manifests, ...apps.releases])).toEqual(['orders (wave 0) must sync after baseline (wave 0)']);
  });
});
