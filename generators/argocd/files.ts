/**
 * Everything under argocd/<env>/ as generated files, from the environment and its ClusterApps:
 * root.yaml, one file per AppProject, one per Application, and the bootstrap values of Argo CD.
 * Pure: the cluster apps are an argument, so tests pass explicit fixtures.
 */
import type { GeneratedFile } from '../document.js';
import type { ClusterApps, HelmRelease, ManifestApp } from '../cluster-apps.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { helmApplication, manifestApplication, type Placement, SELF_MANAGED_RELEASE } from './applications.js';
import { appProject, projectScopes, rootProject } from './projects.js';
import { releaseValues } from './release-values.js';
import { rootApplication } from './root.js';
import { topologicalLevels } from '../graph.js';

export const GENERATOR = 'argocd/app-of-apps';

/**
 * Where each app syncs and whether deleting it cascades. Cascading delete is wanted for leaves of
 * the graph (removing a service removes its workloads) but not for apps others depend on:
 * deleting namespaces, CRDs or operators would take their dependents with them, so those are
 * orphaned for a deliberate clean-up instead. Argo CD's own Application never cascades.
 */
export function placements(apps: ClusterApps): Map<string, Placement> {
  const nodes = [...apps.manifests, ...apps.releases];
  const waves = topologicalLevels(nodes, 'app');
  const depended = new Set(nodes.flatMap((n) => n.dependsOn));
  return new Map(
    nodes.map((n) => [n.name, { wave: waves.get(n.name)!, cascadeDelete: n.name !== SELF_MANAGED_RELEASE && !depended.has(n.name) }]),
  );
}

export function argocdFiles(env: ResolvedEnvironment, apps: ClusterApps): GeneratedFile[] {
  const placed = placements(apps);
  const file = (path: string, documents: unknown[], sources: string[]): GeneratedFile => ({
    path,
    environment: env.name,
    generator: GENERATOR,
    sources: [env.file, ...sources],
    content: { format: 'yaml', documents },
  });
  const appFile = (app: ManifestApp) =>
    file(naming.argocdApplicationFile(env.name, app.name), [manifestApplication(app, placed.get(app.name)!)], ['generators/argocd/applications.ts']);
  const releaseFile = (release: HelmRelease) =>
    file(
      naming.argocdApplicationFile(env.name, release.name),
      [helmApplication(release, releaseValues(env, release), placed.get(release.name)!)],
      ['environments/versions.ts', 'generators/argocd/applications.ts'],
    );
  const selfRelease = apps.releases.find((r) => r.name === SELF_MANAGED_RELEASE);

  return [
    file(naming.argocdRootFile(env.name), [rootProject(env), rootApplication(env.name)], ['generators/argocd/root.ts']),
    ...projectScopes(apps).map((scope) =>
      file(naming.argocdProjectFile(env.name, scope.name), [appProject(env, scope)], ['generators/argocd/projects.ts']),
    ),
    ...apps.manifests.map(appFile),
    ...apps.releases.map(releaseFile),
    ...(selfRelease
      ? [file(naming.argocdBootstrapValuesFile(env.name), [releaseValues(env, selfRelease)], ['generators/argocd/values.ts'])]
      : []),
  ];
}
