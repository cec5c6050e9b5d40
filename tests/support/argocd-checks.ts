/**
 * Checks over generated Argo CD output, each returning one line per problem (empty when sound).
 * They read generated files in memory, so they run on the real synthesized repository and on
 * small fixtures alike.
 */
import type { GeneratedFile } from '../../generators/document.js';
import { apiGroup, isClusterScoped, type GroupKind } from '../../generators/argocd/kinds.js';
import type { GraphNode } from '../../generators/graph.js';
import { SYNC_WAVE } from '../../generators/argocd/sync.js';
import { documentsOf } from './synth.js';

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string>; finalizers?: string[] };
  spec?: Record<string, unknown>;
}

export interface ApplicationSpec {
  project: string;
  source: { repoURL: string; path?: string; chart?: string; targetRevision: string };
  destination: { server?: string; name?: string; namespace?: string };
}

export interface ProjectSpec {
  sourceRepos: string[];
  destinations: { server?: string; name?: string; namespace?: string }[];
  clusterResourceWhitelist?: GroupKind[];
  clusterResourceBlacklist?: GroupKind[];
  namespaceResourceWhitelist?: GroupKind[];
  namespaceResourceBlacklist?: GroupKind[];
}

export interface ArgoObjects {
  applications: (KubeObject & { spec: ApplicationSpec; file: string })[];
  projects: (KubeObject & { spec: ProjectSpec; file: string })[];
}

const isKube = (doc: unknown): doc is KubeObject =>
  typeof doc === 'object' && doc !== null && typeof (doc as KubeObject).kind === 'string' && typeof (doc as KubeObject).apiVersion === 'string';

/** Every object in files under `prefix`, with the file it came from. */
export function objectsUnder(files: readonly GeneratedFile[], prefix: string): (KubeObject & { file: string })[] {
  return files
    .filter((file) => file.path.startsWith(prefix))
    .flatMap((file) => documentsOf(file).filter(isKube).map((doc) => ({ ...doc, file: file.path })));
}

export function argoObjects(files: readonly GeneratedFile[], argocdDir: string): ArgoObjects {
  const objects = objectsUnder(files, `${argocdDir}/`).filter((o) => apiGroup(o.apiVersion) === 'argoproj.io');
  return {
    applications: objects.filter((o) => o.kind === 'Application') as ArgoObjects['applications'],
    projects: objects.filter((o) => o.kind === 'AppProject') as ArgoObjects['projects'],
  };
}

/** Argo CD's glob: `*` matches anything (also `/`), `?` one character; a leading `!` negates. */
function globMatches(pattern: string, value: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}

function allowedByGlobs(patterns: readonly string[], value: string): boolean {
  const denied = patterns.filter((p) => p.startsWith('!')).some((p) => globMatches(p.slice(1), value));
  return !denied && patterns.filter((p) => !p.startsWith('!')).some((p) => globMatches(p, value));
}

const kindListed = (list: readonly GroupKind[] | undefined, group: string, kind: string) =>
  (list ?? []).some((k) => globMatches(k.group, group) && globMatches(k.kind, kind));

/** Manifest folders (generated/kubernetes/<env>/<app>) that hold at least one file. */
export function appFolders(files: readonly GeneratedFile[], kubernetesRoot: string): string[] {
  const folders = files
    .filter((f) => f.path.startsWith(`${kubernetesRoot}/`))
    .map((f) => f.path.split('/').slice(0, kubernetesRoot.split('/').length + 1).join('/'));
  return [...new Set(folders)].sort();
}

/**
 * Every Application's path exists and holds Kubernetes manifests. With `onlyExisting`, apps whose
 * folder is not produced at all are skipped (for a tree where the manifests' generator is not there yet).
 */
export function pathProblems(argo: ArgoObjects, files: readonly GeneratedFile[], options: { onlyExisting: boolean }): string[] {
  const problems: string[] = [];
  for (const app of argo.applications) {
    const path = app.spec.source.path;
    if (app.spec.source.chart !== undefined) continue;
    if (path === undefined) {
      problems.push(`${app.file}: Application ${app.metadata.name} has neither a path nor a chart`);
      continue;
    }
    const inFolder = files.filter((f) => f.path.startsWith(`${path}/`));
    if (inFolder.length === 0) {
      if (!options.onlyExisting) problems.push(`${app.file}: Application ${app.metadata.name}: path ${path} does not exist`);
      continue;
    }
    if (!inFolder.some((f) => documentsOf(f).some(isKube))) problems.push(`${app.file}: Application ${app.metadata.name}: ${path} holds no Kubernetes manifests`);
  }
  return problems;
}

/** Every app folder is the path of exactly one Application. */
export function folderCoverageProblems(argo: ArgoObjects, files: readonly GeneratedFile[], kubernetesRoot: string): string[] {
  return appFolders(files, kubernetesRoot).flatMap((folder) => {
    const users = argo.applications.filter((a) => a.spec.source.chart === undefined && a.spec.source.path === folder);
    return users.length === 1 ? [] : [`${folder}: referenced by ${users.length} Applications (${users.map((a) => a.metadata.name).join(', ') || 'none'}), expected exactly one`];
  });
}

/**
 * Every Application's project exists and permits its source repository and destination, and for
 * manifest apps, every object's kind (cluster-scoped whitelist, namespaced black/whitelist) and namespace.
 */
export function permissionProblems(argo: ArgoObjects, files: readonly GeneratedFile[]): string[] {
  const problems: string[] = [];
  for (const app of argo.applications) {
    const where = `${app.file}: Application ${app.metadata.name}`;
    const project = argo.projects.find((p) => p.metadata.name === app.spec.project);
    if (!project) {
      problems.push(`${where}: project ${app.spec.project} does not exist`);
      continue;
    }
    const spec = project.spec;
    if (!allowedByGlobs(spec.sourceRepos, app.spec.source.repoURL)) problems.push(`${where}: project ${app.spec.project} does not permit repository ${app.spec.source.repoURL}`);
    const destinationPermitted = (namespace: string) =>
      spec.destinations.some((d) => globMatches(d.server ?? '*', app.spec.destination.server ?? '') && globMatches(d.namespace ?? '*', namespace));
    const defaultNamespace = app.spec.destination.namespace ?? '';
    if (!destinationPermitted(defaultNamespace)) problems.push(`${where}: project ${app.spec.project} does not permit destination namespace ${defaultNamespace}`);
    const path = app.spec.source.path;
    if (app.spec.source.chart !== undefined || path === undefined) continue;
    for (const object of objectsUnder(files, `${path}/`)) {
      const group = apiGroup(object.apiVersion);
      const label = `${where}: ${object.kind} ${object.metadata?.name} (${object.file})`;
      if (isClusterScoped(object.apiVersion, object.kind)) {
        if (!kindListed(spec.clusterResourceWhitelist, group, object.kind) || kindListed(spec.clusterResourceBlacklist, group, object.kind)) {
          problems.push(`${label}: cluster-scoped kind ${group || 'core'}/${object.kind} not permitted by project ${app.spec.project}`);
        }
        continue;
      }
      const denied = kindListed(spec.namespaceResourceBlacklist, group, object.kind) || (spec.namespaceResourceWhitelist !== undefined && !kindListed(spec.namespaceResourceWhitelist, group, object.kind));
      if (denied) problems.push(`${label}: kind ${group || 'core'}/${object.kind} not permitted by project ${app.spec.project}`);
      const namespace = object.metadata?.namespace ?? defaultNamespace;
      if (!destinationPermitted(namespace)) problems.push(`${label}: namespace ${namespace} not permitted by project ${app.spec.project}`);
    }
  }
  return problems;
}

const waveOf = (object: KubeObject) => Number(object.metadata.annotations?.[SYNC_WAVE] ?? '0');

/**
 * Each Application syncs in a later wave than everything it depends on, and after every AppProject.
 * root.yaml is applied by hand, outside the waves.
 */
export function waveProblems(all: ArgoObjects, graph: readonly GraphNode[]): string[] {
  const synced = (o: { file: string }) => !o.file.endsWith('/root.yaml');
  const argo = { applications: all.applications.filter(synced), projects: all.projects.filter(synced) };
  const problems: string[] = [];
  const byName = new Map(argo.applications.map((a) => [a.metadata.name, a]));
  const lastProjectWave = Math.max(...argo.projects.map(waveOf));
  for (const app of argo.applications) {
    if (waveOf(app) <= lastProjectWave) problems.push(`${app.metadata.name}: wave ${waveOf(app)} does not come after the AppProjects (wave ${lastProjectWave})`);
  }
  for (const node of graph) {
    const app = byName.get(node.name);
    if (!app) {
      problems.push(`${node.name}: no Application`);
      continue;
    }
    for (const dep of node.dependsOn) {
      const upstream = byName.get(dep);
      if (!upstream) problems.push(`${node.name}: depends on ${dep}, which has no Application`);
      else if (waveOf(upstream) >= waveOf(app)) problems.push(`${node.name} (wave ${waveOf(app)}) must sync after ${dep} (wave ${waveOf(upstream)})`);
    }
  }
  return problems;
}
