/**
 * AppProjects: `platform` for everything the platform team runs, one per service-owning team, and
 * `root` for the root Application alone. Each is limited to what its apps need: the source
 * repositories they come from, the namespaces they deploy to and the cluster-scoped kinds they
 * create. Nothing uses Argo CD's allow-everything `default` project.
 */
import { platform } from '../../environments/platform.js';
import { PLATFORM_NAMESPACES } from '../../environments/types.js';
import type { ClusterApps } from '../cluster-apps.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { compareStrings } from '../sort.js';
import { ADDON_CLUSTER_KINDS, ADDON_EXTRA_NAMESPACES, type GroupKind, PLATFORM_MANIFEST_CLUSTER_KINDS, PLATFORM_ONLY_NAMESPACED_KINDS } from './kinds.js';
import { FINALIZER, SYNC_WAVE } from './sync.js';
import { teamProjectRole } from './sso.js';

/** AppProjects sync before every Application (wave 0 and up) that names them. */
export const PROJECT_WAVE = -1;

export interface ProjectScope {
  name: string;
  sourceRepos: string[];
  namespaces: string[];
  clusterKinds: GroupKind[];
}

const unique = (values: string[]) => [...new Set(values)].sort(compareStrings);

function uniqueKinds(kinds: readonly GroupKind[]): GroupKind[] {
  const byKey = new Map(kinds.map((k) => [`${k.group}/${k.kind}`, k]));
  return [...byKey.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, k]) => ({ group: k.group, kind: k.kind }));
}

/** What each project's apps need, derived from the apps themselves. */
export function projectScopes(apps: ClusterApps): ProjectScope[] {
  const platformProject = naming.argocdPlatformProject;
  const names = unique([platformProject, ...apps.manifests.map((a) => a.project), ...apps.releases.map((r) => r.project)]);
  return names.map((name) => {
    const manifests = apps.manifests.filter((a) => a.project === name);
    const releases = apps.releases.filter((r) => r.project === name);
    const isPlatform = name === platformProject;
    return {
      name,
      sourceRepos: unique([...(manifests.length > 0 ? [platform.repoURL] : []), ...releases.map((r) => r.chart.repoURL)]),
      // The platform's manifests (the baseline) manage every platform namespace, whatever their apps' default namespace.
      namespaces: unique([
        ...manifests.map((a) => a.namespace),
        ...releases.flatMap((r) => [r.namespace, ...(ADDON_EXTRA_NAMESPACES[r.name] ?? [])]),
        ...(isPlatform ? PLATFORM_NAMESPACES : []),
      ]),
      clusterKinds: uniqueKinds([
        ...(isPlatform && manifests.length > 0 ? PLATFORM_MANIFEST_CLUSTER_KINDS : []),
        ...releases.flatMap((r) => ADDON_CLUSTER_KINDS[r.name]),
      ]),
    };
  });
}

export function appProject(env: ResolvedEnvironment, scope: ProjectScope): Record<string, unknown> {
  const isPlatform = scope.name === naming.argocdPlatformProject;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: scope.name,
      namespace: naming.argocdNamespace,
      annotations: { [SYNC_WAVE]: String(PROJECT_WAVE) },
      // Deleting a project waits until no Application uses it.
      finalizers: [FINALIZER],
    },
    spec: {
      description: isPlatform
        ? `Platform add-ons and baseline of ${env.name} (owned by ${platform.platformTeam})`
        : `Services of team ${scope.name} in ${env.name}`,
      sourceRepos: scope.sourceRepos,
      destinations: scope.namespaces.map((namespace) => ({ server: naming.inClusterServer, namespace })),
      clusterResourceWhitelist: scope.clusterKinds,
      ...(isPlatform ? {} : { namespaceResourceBlacklist: PLATFORM_ONLY_NAMESPACED_KINDS.map((k) => ({ ...k })), roles: [teamProjectRole(env, scope.name)] }),
    },
  };
}

/** The root Application's project: Applications and AppProjects in the Argo CD namespace, from this repository only. */
export function rootProject(env: ResolvedEnvironment): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: naming.argocdRootProject, namespace: naming.argocdNamespace },
    spec: {
      description: `The root Application of ${env.name}: creates the AppProjects and Applications under ${naming.argocdDir(env.name)}/`,
      sourceRepos: [platform.repoURL],
      destinations: [{ server: naming.inClusterServer, namespace: naming.argocdNamespace }],
      clusterResourceWhitelist: [],
      namespaceResourceWhitelist: [
        { group: 'argoproj.io', kind: 'AppProject' },
        { group: 'argoproj.io', kind: 'Application' },
      ],
    },
  };
}
