/**
 * Argo CD risks, resolved statically from the committed app-of-apps: a removed Application that
 * cascades deletes everything it deployed (counted from the base revision's manifests), a moved
 * destination orphans or prunes objects, and an Application pointing at a folder with no generated
 * files would sync nothing.
 */
import type { DiffEntry } from './diff-entry.js';
import type { ArgoCdItem, Risk } from './types.js';
import { code } from './markdown-text.js';

const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

export interface ApplicationFacts {
  /** Repository paths of its sources (`spec.source.path`, `spec.sources[].path`). */
  paths: string[];
  /** Helm charts it deploys (`spec.source.chart`). */
  charts: string[];
  prune: boolean;
  /** Deleting the Application deletes its resources (the resources finalizer). */
  cascades: boolean;
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

export function applicationFacts(body: unknown): ApplicationFacts {
  const spec = record(record(body).spec);
  const sources = [record(spec.source), ...(Array.isArray(spec.sources) ? spec.sources.map(record) : [])];
  const finalizers = record(record(body).metadata).finalizers;
  return {
    paths: sources.map((s) => s.path).filter((p): p is string => typeof p === 'string'),
    charts: sources.map((s) => s.chart).filter((c): c is string => typeof c === 'string'),
    prune: record(record(spec.syncPolicy).automated).prune === true,
    cascades: Array.isArray(finalizers) && finalizers.some((f) => typeof f === 'string' && f.startsWith(RESOURCES_FINALIZER)),
  };
}

/** What the risk rules may ask about the repository. */
export interface ArgoCdContext {
  /** Objects the base revision's manifests under a path define; undefined when the path holds none. */
  baseObjectCount(path: string): number | undefined;
  /** Whether the head revision has any file under a path. */
  headHasFiles(path: string): boolean;
}


function removedApplication(item: ArgoCdItem, facts: ApplicationFacts, context: ArgoCdContext): Risk {
  const counts = facts.paths.map((path) => context.baseObjectCount(path));
  const total = counts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
  const what = [
    ...(total > 0 ? [`the ${total} object(s) it deploys from ${facts.paths.map(code).join(', ')}`] : []),
    ...facts.charts.map((chart) => `the Helm release of chart ${code(chart)}`),
  ].join(' and ') || 'everything it deployed';
  if (facts.cascades || facts.prune) {
    return { severity: 'danger', rule: 'argocd-app-removed', message: `Application ${code(item.name)} is removed: Argo CD deletes ${what}.` };
  }
  return { severity: 'warning', rule: 'argocd-app-removed', message: `Application ${code(item.name)} is removed without cascade: ${what} stays in the cluster, unmanaged.` };
}

export function argoCdRisks(entry: DiffEntry<ArgoCdItem>, context: ArgoCdContext): Risk[] {
  const { item } = entry;
  if (item.kind === 'AppProject' && item.change === 'removed') {
    return [{ severity: 'warning', rule: 'argocd-project-removed', message: `AppProject ${code(item.name)} is removed: its Applications can no longer sync.` }];
  }
  if (item.kind !== 'Application') return [];
  if (item.change === 'removed') return [removedApplication(item, applicationFacts(entry.before), context)];
  const risks: Risk[] = [];
  const after = applicationFacts(entry.after);
  const missing = after.paths.filter((path) => !context.headHasFiles(path));
  if (missing.length > 0) {
    risks.push({
      severity: after.prune ? 'danger' : 'warning',
      rule: 'argocd-missing-path',
      message: `Application ${code(item.name)} points at ${missing.map(code).join(', ')}, which holds no files: it would sync nothing${after.prune ? ' and prune what it deployed' : ''}.`,
    });
  }
  if (item.change !== 'changed') return risks;
  if (item.fields.some((f) => f.path.startsWith('spec.destination'))) {
    risks.push({ severity: 'danger', rule: 'argocd-destination-change', message: `Application ${code(item.name)} changes its destination: objects at the old destination are pruned or orphaned.` });
  }
  if (!applicationFacts(entry.before).prune && after.prune) {
    risks.push({ severity: 'warning', rule: 'argocd-prune-enabled', message: `Application ${code(item.name)} turns on automated pruning: objects no longer in Git will be deleted.` });
  }
  return risks;
}
