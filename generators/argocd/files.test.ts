import { AppProject, Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import { describe, expect, it } from 'vitest';
import { charts } from '../../environments/versions.js';
import type { ClusterApps, HelmRelease, ManifestApp } from '../cluster-apps.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { argocdFiles, placements } from './files.js';
import { APPLICATION_HEALTH_LUA, argoCdValues } from './values.js';

const env = loadRepositoryModel().environments.find((e) => e.name === 'dev')!;

const manifest = (name: string, project: string, dependsOn: string[], extra: Partial<ManifestApp> = {}): ManifestApp => ({
  name,
  path: `generated/kubernetes/dev/${name}`,
  namespace: project === 'platform' ? 'platform-system' : 'platform-apps',
  project,
  dependsOn,
  hpaManagedReplicas: false,
  serverSideApply: false,
  ...extra,
});

const release = (name: HelmRelease['name'], namespace: string, dependsOn: string[], extra: Partial<HelmRelease> = {}): HelmRelease => ({
  name,
  namespace,
  project: 'platform',
  chart: charts[name],
  version: '1.2.3',
  values: {},
  dependsOn,
  serverSideApply: false,
  ...extra,
});

/** A small cluster: baseline → cert-manager → a team's service; Argo CD managing itself. */
const fixture: ClusterApps = {
  manifests: [
    manifest('baseline', 'platform', []),
    manifest('orders', 'shop', ['baseline', 'cert-manager'], { hpaManagedReplicas: true }),
  ],
  releases: [
    release('argo-cd', 'argocd', [], { values: { server: { replicas: 2 }, configs: { cm: { 'timeout.reconciliation': '300s' } } } }),
    release('cert-manager', 'platform-system', ['baseline'], { values: { installCRDs: true }, serverSideApply: true }),
  ],
};

const files = argocdFiles(env, fixture);
const byPath = new Map(files.map((f) => [f.path, f]));
const doc = (path: string, index = 0) => {
  const content = byPath.get(path)?.content;
  if (content?.format !== 'yaml') throw new Error(`no YAML file ${path}`);
  return content.documents[index] as Record<string, any>;
};

describe('argocdFiles (fixture cluster)', () => {
  it('writes root, one file per project, per Application and the bootstrap values', () => {
    expect(files.map((f) => f.path)).toEqual([
      'argocd/dev/root.yaml',
      'argocd/dev/projects/platform.yaml',
      'argocd/dev/projects/shop.yaml',
      'argocd/dev/apps/baseline.yaml',
      'argocd/dev/apps/orders.yaml',
      'argocd/dev/apps/argo-cd.yaml',
      'argocd/dev/apps/cert-manager.yaml',
      'argocd/dev/bootstrap/argo-cd-values.yaml',
    ]);
    expect(files.every((f) => f.environment === 'dev' && f.sources[0] === 'environments/dev.ts')).toBe(true);
  });

  it('computes waves from the graph and cascades deletes only for leaves other than Argo CD', () => {
    expect(Object.fromEntries(placements(fixture))).toEqual({
      baseline: { wave: 0, cascadeDelete: false },
      orders: { wave: 2, cascadeDelete: true },
      'argo-cd': { wave: 0, cascadeDelete: false },
      'cert-manager': { wave: 1, cascadeDelete: false },
    });
    expect(doc('argocd/dev/apps/orders.yaml').metadata).toEqual({
      name: 'orders',
      namespace: 'argocd',
      annotations: { 'argocd.argoproj.io/sync-wave': '2' },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    });
    expect(doc('argocd/dev/apps/argo-cd.yaml').metadata.finalizers).toBeUndefined();
    expect(doc('argocd/dev/projects/shop.yaml').metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-1' });
  });

  it('rejects an unknown dependency with a clear message', () => {
    const broken = { ...fixture, manifests: [manifest('orders', 'shop', ['payments'])] };
    expect(() => argocdFiles(env, broken)).toThrow('app "orders" depends on unknown app "payments"');
  });

  it('deploys a manifest app from its folder, ignoring HPA-managed replicas in diff and sync', () => {
    expect(doc('argocd/dev/apps/orders.yaml').spec).toEqual({
      project: 'shop',
      source: {
        repoURL: 'https://github.com/acme/platform-gitops.git',
        targetRevision: 'main',
        path: 'generated/kubernetes/dev/orders',
        directory: { recurse: true },
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'platform-apps' },
      ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
      syncPolicy: {
        automated: { prune: true, selfHeal: true, allowEmpty: false },
        retry: { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } },
        syncOptions: ['FailOnSharedResource=true', 'PruneLast=true', 'RespectIgnoreDifferences=true'],
      },
    });
  });

  it('deploys a Helm release at its pinned version with typed values, server-side where flagged', () => {
    const spec = doc('argocd/dev/apps/cert-manager.yaml').spec;
    expect(spec.source).toEqual({
      repoURL: 'https://charts.jetstack.io',
      chart: 'cert-manager',
      targetRevision: '1.2.3',
      helm: { releaseName: 'cert-manager', valuesObject: { installCRDs: true } },
    });
    expect(spec.syncPolicy.syncOptions).toEqual(['FailOnSharedResource=true', 'PruneLast=true', 'ServerSideApply=true']);
    expect(spec.ignoreDifferences).toBeUndefined();
  });

  it('makes Argo CD manage itself server-side with the Application health check, merged over the release values', () => {
    const spec = doc('argocd/dev/apps/argo-cd.yaml').spec;
    expect(spec.syncPolicy.syncOptions).toContain('ServerSideApply=true');
    const values = spec.source.helm.valuesObject;
    expect(values.configs.cm['resource.customizations.health.argoproj.io_Application']).toBe(APPLICATION_HEALTH_LUA);
    expect(values.configs.cm['timeout.reconciliation']).toBe('300s');
    expect(values.server).toEqual({ replicas: 2 });
    expect(values.fullnameOverride).toBe(argoCdValues(env).fullnameOverride);
    // Helm charts from an OCI registry path must be declared to Argo CD; the repository secret holds no credentials.
    expect(values.configs.repositories).toEqual({
      karpenter: { name: 'karpenter', type: 'helm', url: 'public.ecr.aws/karpenter', enableOCI: 'true' },
    });
    // The hand-run install uses exactly what the Application will sync.
    expect(doc('argocd/dev/bootstrap/argo-cd-values.yaml')).toEqual(values);
  });

  it('lets the platform project reach the extra namespaces a chart writes into', () => {
    const withMetrics = argocdFiles(env, { ...fixture, releases: [...fixture.releases, release('metrics-server', 'platform-system', ['baseline'])] });
    const project = withMetrics.find((f) => f.path === 'argocd/dev/projects/platform.yaml')!;
    const spec = (project.content as { documents: { spec: { destinations: { namespace: string }[] } }[] }).documents[0]!.spec;
    expect(spec.destinations.map((d) => d.namespace)).toContain('kube-system');
    expect(doc('argocd/dev/projects/platform.yaml').spec.destinations.map((d: { namespace: string }) => d.namespace)).not.toContain('kube-system');
  });

  it('scopes each project to the repositories, namespaces and cluster-scoped kinds of its apps', () => {
    const platform = doc('argocd/dev/projects/platform.yaml').spec;
    expect(platform.sourceRepos).toEqual(['https://argoproj.github.io/argo-helm', 'https://charts.jetstack.io', 'https://github.com/acme/platform-gitops.git']);
    expect(platform.destinations.map((d: { namespace: string }) => d.namespace)).toEqual([
      'argocd',
      'platform-apps',
      'platform-data',
      'platform-monitoring',
      'platform-policy',
      'platform-system',
    ]);
    expect(platform.clusterResourceWhitelist).toContainEqual({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' });
    expect(platform.clusterResourceWhitelist).toContainEqual({ group: '', kind: 'Namespace' });
    expect(platform.namespaceResourceBlacklist).toBeUndefined();

    expect(doc('argocd/dev/projects/shop.yaml').spec).toEqual({
      description: 'Services of team shop in dev',
      sourceRepos: ['https://github.com/acme/platform-gitops.git'],
      destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'platform-apps' }],
      clusterResourceWhitelist: [],
      namespaceResourceBlacklist: [
        { group: '', kind: 'ResourceQuota' },
        { group: '', kind: 'LimitRange' },
      ],
      // The team's own role, bound to its identity-provider group: its project's Applications only.
      roles: [
        {
          name: 'team',
          description: 'Team shop: its own Applications in dev',
          groups: [`${env.access.sso.teamGroupPrefix}shop`],
          policies: ['get', 'sync', 'action/*'].map((action) => `p, proj:shop:team, applications, ${action}, shop/*, allow`),
        },
      ],
    });
  });

  it('roots everything in one hand-applied Application that syncs the folder minus itself and the bootstrap values', () => {
    const [project, root] = [doc('argocd/dev/root.yaml', 0), doc('argocd/dev/root.yaml', 1)];
    expect(project.kind).toBe('AppProject');
    expect(project.spec.namespaceResourceWhitelist).toEqual([
      { group: 'argoproj.io', kind: 'AppProject' },
      { group: 'argoproj.io', kind: 'Application' },
    ]);
    expect(project.spec.clusterResourceWhitelist).toEqual([]);
    expect(root.spec.project).toBe(project.metadata.name);
    expect(root.spec.source).toEqual({
      repoURL: 'https://github.com/acme/platform-gitops.git',
      targetRevision: 'main',
      path: 'argocd/dev',
      directory: { recurse: true, exclude: '{root.yaml,bootstrap/*}' },
    });
    expect(root.metadata.finalizers).toBeUndefined();
  });

  it('never uses the default project, and every object validates against the Argo CD schemas', () => {
    const objects = files.filter((f) => !f.path.includes('/bootstrap/')).flatMap((f) => (f.content.format === 'yaml' ? f.content.documents : [])) as Record<string, any>[];
    expect(objects.length).toBe(8);
    for (const object of objects) {
      if (object.kind === 'Application') {
        expect(object.spec.project).not.toBe('default');
        expect(() => new Application(object as never).validate()).not.toThrow();
      } else {
        expect(object.kind).toBe('AppProject');
        expect(() => new AppProject(object as never).validate()).not.toThrow();
      }
    }
  });

  it('the schema validation catches a malformed Application', () => {
    const broken = structuredClone(doc('argocd/dev/apps/orders.yaml'));
    broken.spec.syncPolicy.retry.limit = 'five';
    delete broken.spec.destination;
    expect(() => new Application(broken as never).validate()).toThrow();
  });
});
