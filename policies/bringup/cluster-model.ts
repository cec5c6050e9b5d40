/**
 * Reads one environment's documents into what the simulation runs: the root Application, its
 * children (AppProjects and Applications, with their root sync waves), each child's objects (the
 * manifests of its folder, or what its chart record says the chart renders with our values), and
 * the cluster-wide facts the objects are judged against.
 */
import { posix } from 'node:path';
import { appendTo } from '../engine/append-to.js';
import { isClusterScoped } from '../../generators/argocd/kinds.js';
import type { KubeObject } from '../engine/kubernetes.js';
import type { EnvironmentDocuments } from '../engine/types.js';
import { at, dict, isDict, list, str, type Dict } from '../engine/values.js';
import { groupOf, hasArgoHealth, kindOrder, syncPosition } from './argo-sync-order.js';
import { CHART_RECORDS, type TerraformRef } from './chart-records.js';
import { cap, type Need } from './needs.js';
import { objectNeeds, terraformNeed, type ClusterContext, type ObjectNeeds } from './object-needs.js';
import { terraformFacts } from './terraform-facts.js';

export interface SimObject {
  app: string;
  resource: string;
  phase: number;
  wave: number;
  kindOrder: number;
  name: string;
  /** Whether Argo CD evaluates its health (else it never holds the app back). */
  argoHealth: boolean;
  apply: Need[];
  health: Need[];
  provides: string[];
  providesWhenHealthy: string[];
}

export interface SimApp {
  name: string;
  file: string;
  /** Sync wave in the root app-of-apps. */
  wave: number;
  project: string;
  /** Installed by hand before the root (Argo CD itself). */
  bootstrapped: boolean;
  objects: SimObject[];
  /** Capabilities the app provides once Healthy (controllers, aggregated APIs, its webhooks). */
  serves: string[];
  /** Set when the app cannot be modelled (e.g. a chart without a record). */
  unmodelled?: string;
}

export interface ClusterModel {
  root: { name: string; file: string } | null;
  /** Whether Argo CD's values restore the Application health check, so root waves wait for child health. */
  gated: boolean;
  projects: { name: string; wave: number }[];
  apps: SimApp[];
  /** Present before anything syncs: EKS's own namespaces, the bootstrap install. */
  initial: string[];
}

export const APPLICATION_HEALTH_KEY = 'resource.customizations.health.argoproj.io_Application';
const BOOTSTRAPPED_CHARTS = new Set(['argo-cd']);

const rootWave = (o: KubeObject) => syncPosition(o.object).wave;
const sourceOf = (o: KubeObject) => dict(at(o.object, 'spec', 'source'));

/** The Argo CD values restore child Application health when they define the Lua check reading `status.health`. */
export function restoresApplicationHealth(argoCdValues: Dict): boolean {
  const lua = str(at(argoCdValues, 'configs', 'cm', APPLICATION_HEALTH_KEY));
  return lua !== undefined && /obj\.status\.health/.test(lua);
}

function namespaceOf(object: Dict, destination: string): string | null {
  const apiVersion = str(object.apiVersion) ?? '';
  const kind = str(object.kind) ?? '';
  return isClusterScoped(apiVersion, kind) ? null : (str(at(object, 'metadata', 'namespace')) ?? destination);
}

export function clusterModel(documents: EnvironmentDocuments): ClusterModel {
  const applications = documents.kubernetes.filter((o) => o.kind === 'Application' && o.apiVersion.startsWith('argoproj.io/'));
  // Applications by every folder prefix of their file (`argocd/`, `argocd/dev/`, …; two are enough
  // to tell whether one other than the asking application is there): one lookup per application.
  const byPrefix = new Map<string, KubeObject[]>();
  for (const child of applications) {
    for (let i = child.file.indexOf('/'); i !== -1; i = child.file.indexOf('/', i + 1)) {
      const prefix = child.file.slice(0, i + 1);
      const found = byPrefix.get(prefix);
      if (!found) byPrefix.set(prefix, [child]);
      else if (found.length < 2) found.push(child);
    }
  }
  const isParent = (app: KubeObject) => {
    const path = str(sourceOf(app).path);
    return path !== undefined && (byPrefix.get(`${posix.normalize(path)}/`) ?? []).some((child) => child !== app);
  };
  const root = applications.find(isParent) ?? null;
  const children = applications.filter((a) => a !== root);
  // Manifests by folder; a directory source (recurse) takes its folder and every folder below it.
  const underFolder = new Map<string, KubeObject[]>();
  const chains = new Map<string, readonly string[]>();
  for (const o of documents.kubernetes) {
    if (o.file.startsWith('argocd/')) continue;
    for (const dir of folderChain(o.file, chains)) appendTo(underFolder, dir, o);
  }
  const folderObjects = (path: string) => underFolder.get(path) ?? [];

  // Raw objects per child app: its folder's manifests, or its chart record's rendering of the values.
  const raw = children.map((app) => {
    const source = sourceOf(app);
    const destination = str(at(app.object, 'spec', 'destination', 'namespace')) ?? 'default';
    const chart = str(source.chart);
    const values = dict(at(source, 'helm', 'valuesObject'));
    const release = str(at(source, 'helm', 'releaseName')) ?? app.name;
    if (chart) {
      const record = CHART_RECORDS[chart];
      const objects = record ? record.objects(values, destination, release).map((object) => ({ object, namespace: namespaceOf(object, destination) })) : [];
      return { app, chart, values, record, release, objects };
    }
    const path = posix.normalize(str(source.path) ?? '');
    const objects = folderObjects(path).map((o) => ({ object: o.object, namespace: o.namespace }));
    return { app, chart, values, record: undefined, release, objects };
  });
  // CreateNamespace=true: Argo CD creates the destination namespace before the first dry run.
  for (const r of raw) {
    const options = list(at(r.app.object, 'spec', 'syncPolicy', 'syncOptions')).map(str);
    const destination = str(at(r.app.object, 'spec', 'destination', 'namespace'));
    if (destination && options.includes('CreateNamespace=true') && !r.objects.some((o) => o.object.kind === 'Namespace' && at(o.object, 'metadata', 'name') === destination))
      r.objects.unshift({ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: destination } }, namespace: null });
  }
  const all = raw.flatMap((r) => r.objects);
  const byKind = new Map<unknown, (typeof all)[number][]>();
  for (const o of all) appendTo(byKind, o.object.kind, o);
  const ofKind = (kind: string) => byKind.get(kind) ?? [];

  const ctx: ClusterContext = {
    terraform: terraformFacts(documents.terraform),
    accountId: accountOf(all),
    webhooks: raw.flatMap((r) => (r.record ? r.record.webhooks(r.values).map((w) => ({ ...w, app: r.app.name })) : [])),
    quotas: new Map(ofKind('ResourceQuota').map((q) => [q.namespace ?? '', dict(at(q.object, 'spec', 'hard'))])),
    irsaRoles: new Map(
      ofKind('ServiceAccount').flatMap((sa) => {
        const role = /:role\/(.+)$/.exec(str(at(sa.object, 'metadata', 'annotations', 'eks.amazonaws.com/role-arn')) ?? '')?.[1];
        return role ? [[`${sa.namespace}/${str(at(sa.object, 'metadata', 'name'))}`, role] as [string, string]] : [];
      }),
    ),
    nodePools: ofKind('NodePool').map((p) => ({
      name: str(at(p.object, 'metadata', 'name')) ?? '',
      labels: Object.fromEntries(Object.entries(dict(at(p.object, 'spec', 'template', 'metadata', 'labels'))).filter((e): e is [string, string] => typeof e[1] === 'string')),
      taints: list(at(p.object, 'spec', 'template', 'spec', 'taints'))
        .filter(isDict)
        .map((t) => ({ key: str(t.key) ?? '', value: str(t.value), effect: str(t.effect) ?? '' }))
        .filter((t) => t.effect !== 'PreferNoSchedule'),
    })),
    ingressClasses: new Map(ofKind('IngressClass').map((c) => [str(at(c.object, 'metadata', 'name')) ?? '', str(at(c.object, 'spec', 'controller')) ?? ''])),
  };

  const argoCd = raw.find((r) => r.chart === 'argo-cd');
  const apps: SimApp[] = raw.map((r) => ({
    name: r.app.name,
    file: r.app.file,
    wave: rootWave(r.app),
    project: str(at(r.app.object, 'spec', 'project')) ?? 'default',
    bootstrapped: r.chart !== undefined && BOOTSTRAPPED_CHARTS.has(r.chart),
    serves: r.record ? [...r.record.serves] : [],
    ...(r.chart && !r.record ? { unmodelled: `no chart record for "${r.chart}": add what it creates to policies/bringup/chart-records.ts` } : {}),
    objects: r.objects.map(({ object, namespace }) => {
      const kind = str(object.kind) ?? '';
      const name = str(at(object, 'metadata', 'name')) ?? '';
      const position = syncPosition(object);
      const needs = withTerraform(objectNeeds(r.app.name, object, namespace, ctx), r.record?.terraform && name === r.release && WORKLOADS.has(kind) ? r.record.terraform(r.values) : [], ctx);
      return {
        app: r.app.name,
        resource: namespace === null ? `${kind}/${name}` : `${kind}/${namespace}/${name}`,
        phase: position.phase,
        wave: position.wave,
        kindOrder: kindOrder(kind),
        name,
        argoHealth: hasArgoHealth(groupOf(str(object.apiVersion) ?? ''), kind),
        apply: needs.apply,
        health: needs.health,
        provides: needs.provides,
        providesWhenHealthy: needs.providesWhenHealthy,
      };
    }),
  }));

  return {
    root: root ? { name: root.name, file: root.file } : null,
    gated: argoCd !== undefined && restoresApplicationHealth(argoCd.values),
    projects: documents.kubernetes.filter((o) => o.kind === 'AppProject').map((p) => ({ name: p.name, wave: rootWave(p) })),
    apps,
    initial: [
      ...['default', 'kube-system', 'kube-public', 'kube-node-lease', root?.namespace ?? 'argocd'].map(cap.namespace),
      ...(root ? [cap.project(str(at(root.object, 'spec', 'project')) ?? 'default')] : []),
    ],
  };
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** The folders above a file, nearest first (`a/b/c.yaml`: `a/b`, `a`); files of the same folder share one list of `chains`. */
function folderChain(file: string, chains: Map<string, readonly string[]>): readonly string[] {
  const start = posix.dirname(file);
  let chain = chains.get(start);
  if (!chain) {
    const dirs: string[] = [];
    for (let dir = start; dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) dirs.push(dir);
    chains.set(start, (chain = dirs));
  }
  return chain;
}

/** The add-on's controller needs what its chart record says Terraform creates for it. */
function withTerraform(needs: ObjectNeeds, refs: TerraformRef[], ctx: ClusterContext): ObjectNeeds {
  if (refs.length === 0) return needs;
  const present = { zone: ctx.terraform.zones, bucket: ctx.terraform.buckets, queue: ctx.terraform.queues };
  const words = { zone: 'the Route 53 zone', bucket: 'the S3 bucket', queue: 'the SQS queue' };
  return { ...needs, health: [...needs.health, ...refs.flatMap((ref) => terraformNeed(present[ref.kind].has(ref.name), `${words[ref.kind]} ${ref.name}`))] };
}

/** The AWS account the environment's images and roles live in, from the IRSA role ARNs. */
function accountOf(objects: { object: Dict }[]): string | null {
  for (const { object } of objects) {
    const account = /^arn:aws:iam::([0-9]{12}):role\//.exec(str(at(object, 'metadata', 'annotations', 'eks.amazonaws.com/role-arn')) ?? '')?.[1];
    if (account) return account;
  }
  return null;
}
