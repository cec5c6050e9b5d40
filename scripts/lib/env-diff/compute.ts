/**
 * Computes the environment diff: resolves base and head, reads only the generated files that
 * changed (one `git cat-file --batch` per side), diffs them per environment and artifact, assesses
 * risks, finds the Atlantis projects that will plan and checks whether head's output is stale.
 */

import { naming, TERRAFORM_STACKS } from '../../../generators/naming.js';
import { compareStrings } from '../../../generators/sort.js';
import { MANIFEST_PATH, parseManifest } from '../manifest.js';
import { OWNED_ROOTS } from '../writer.js';
import { isCatalogPath } from '../../../generators/catalog/paths.js';
import { argoCdContext } from './argocd-context.js';
import { catalogChanges } from './catalog-summary.js';
import { argoCdRisks, type ArgoCdContext } from './argocd-risks.js';
import { parseAtlantisConfig, projectsToPlan } from './atlantis-matcher.js';
import { ChangedFiles } from './changed-files.js';
import { costChange } from './cost-delta.js';
import { diffKubernetesApp } from './kubernetes-differ.js';
import { kubernetesRisks } from './kubernetes-risks.js';
import { ATLANTIS_CONFIG_PATH, classifyPath, terraformDirOf, type OutputFile } from './layout.js';
import { diffObjectSets, objectLabel } from './manifest-objects.js';
import { resolveRange, type Revision } from './revisions.js';
import { manifestConsistency } from './stale-output.js';
import { diffTerraformStack } from './terraform-differ.js';
import { terraformRisks } from './terraform-risks.js';
import type { ArtifactSection, AtlantisProject, EnvDiff, EnvironmentDiff, FlatRisk, PolicyExceptionInForce, Risk, Staleness } from './types.js';

export interface EnvDiffOptions {
  root: string;
  base?: string | undefined;
  head?: string | undefined;
  defaultBranch: string;
  /** Known environments in promotion order; environments found in changed paths are appended. */
  environments: readonly string[];
  /** Milliseconds clock for the reported duration (injectable for stable golden output). */
  clock?: () => number;
  /** How to check head's output against its sources; defaults to the manifest consistency check. */
  staleness?: (head: Revision) => Staleness;
  /** Policy exceptions in force at head, when they can be known (the working tree of this repository). */
  policyExceptions?: () => PolicyExceptionInForce[];
}

function section<T extends { change: string }>(items: T[]): ArtifactSection<T> {
  const count = (change: string) => items.filter((i) => i.change === change).length;
  return { added: count('added'), changed: count('changed'), removed: count('removed'), items };
}

/** Groups values by a string key, keeping first-seen order. */
function groupBy<T>(values: T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const k = key(value);
    const group = groups.get(k);
    if (group) group.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}

const STACK_ORDER = TERRAFORM_STACKS.map((s) => s.name as string);
function compareStacks(a: string, b: string): number {
  const [ia, ib] = [STACK_ORDER.indexOf(a), STACK_ORDER.indexOf(b)];
  if (ia !== ib) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
  return compareStrings(a, b);
}

function environmentOrder(known: readonly string[], seen: Iterable<string>): string[] {
  const extra = [...new Set(seen)].filter((env) => !known.includes(env)).sort(compareStrings);
  return [...known, ...extra];
}

/** The environments whose Terraform the projects plan, in the order they first appear. */
function environmentsOfProjects(projects: readonly { dir: string }[]): string[] {
  return [...new Set(projects.flatMap((p) => terraformDirOf(p.dir)?.env ?? []))];
}

function atlantisEnvironment(project: AtlantisProject, environments: readonly string[]): string | undefined {
  const fromDir = terraformDirOf(project.dir)?.env;
  if (fromDir && environments.includes(fromDir)) return fromDir;
  return [...environments].sort((a, b) => b.length - a.length).find((env) => project.name.startsWith(`${env}-`));
}

const SEVERITY_ORDER = { danger: 0, warning: 1 } as const;

function flattenRisks(environments: Record<string, EnvironmentDiff>): FlatRisk[] {
  const risks: FlatRisk[] = [];
  const add = (environment: string, artifact: FlatRisk['artifact'], subject: string, list: Risk[]) => {
    for (const risk of list) risks.push({ environment, artifact, subject, ...risk });
  };
  for (const [env, diff] of Object.entries(environments)) {
    for (const item of diff.terraform.items) add(env, 'terraform', `${item.stack} ${item.address}`, item.risks);
    for (const item of diff.kubernetes.items) add(env, 'kubernetes', `${item.app} ${objectLabel(item)}`, item.risks);
    for (const item of diff.argocd.items) add(env, 'argocd', `${item.kind} ${item.name}`, item.risks);
  }
  // Stable sort: most severe first, otherwise environment and artifact order are kept.
  return risks.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

type Classified = { path: string; file: OutputFile };

const envOf = (file: OutputFile) => ('env' in file ? file.env : undefined);

/** One environment's Terraform, Kubernetes and Argo CD changes, with their risks. */
function diffEnvironment(env: string, mine: Classified[], files: ChangedFiles, argoContext: ArgoCdContext): EnvironmentDiff {
  const stacks = groupBy(mine.flatMap(({ path, file }) => (file.artifact === 'terraform' ? [{ path, stack: file.stack }] : [])), (c) => c.stack);
  const terraform = [...stacks.keys()].sort(compareStacks).flatMap((stack) => {
    const paths = stacks.get(stack)!.map((c) => c.path);
    return diffTerraformStack(stack, files.terraform(paths, 'before'), files.terraform(paths, 'after'));
  });
  for (const entry of terraform) entry.item.risks = terraformRisks(entry);

  const apps = groupBy(mine.flatMap(({ path, file }) => (file.artifact === 'kubernetes' ? [{ path, app: file.app }] : [])), (c) => c.app);
  const kubernetes = [...apps.keys()].sort(compareStrings).flatMap((app) => {
    const paths = apps.get(app)!.map((c) => c.path);
    const where = naming.kubernetesDir(env as string, app);
    return diffKubernetesApp(app, files.objects(paths, 'before', where), files.objects(paths, 'after', where));
  });
  for (const entry of kubernetes) entry.item.risks = kubernetesRisks(entry);

  const argoPaths = mine.filter((c) => c.file.artifact === 'argocd').map((c) => c.path);
  const where = naming.argocdDir(env as string);
  const argocd = argoPaths.length === 0 ? [] : diffObjectSets(files.objects(argoPaths, 'before', where), files.objects(argoPaths, 'after', where));
  for (const entry of argocd) entry.item.risks = argoCdRisks(entry, argoContext);

  return {
    terraform: section(terraform.map((e) => e.item)),
    kubernetes: section(kubernetes.map((e) => e.item)),
    argocd: section(argocd.map((e) => e.item)),
    atlantisProjects: [],
  };
}

export function computeEnvDiff(options: EnvDiffOptions): EnvDiff {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const range = resolveRange(options.root, { base: options.base, head: options.head, defaultBranch: options.defaultBranch });
  const classified: Classified[] = range.changedFiles.map((path) => ({ path, file: classifyPath(path) }));
  const artifactPaths = classified.filter((c) => ['terraform', 'kubernetes', 'argocd'].includes(c.file.artifact)).map((c) => c.path);
  const files = new ChangedFiles(range.base, range.head, artifactPaths);
  const argoContext = argoCdContext(range.base, range.head);

  const atlantisText = range.head.read([ATLANTIS_CONFIG_PATH]).get(ATLANTIS_CONFIG_PATH);
  const atlantisConfig = atlantisText === undefined ? undefined : parseAtlantisConfig(ATLANTIS_CONFIG_PATH, atlantisText);
  // Without known environments (another head than this working tree), head's atlantis.yaml lists them in promotion order.
  const known = options.environments.length > 0 ? options.environments : environmentsOfProjects(atlantisConfig?.projects ?? []);
  const envNames = environmentOrder(known, classified.map((c) => envOf(c.file)).filter((e): e is string => e !== undefined));
  const environments: Record<string, EnvironmentDiff> = Object.fromEntries(
    envNames.map((env) => [env, diffEnvironment(env, classified.filter((c) => envOf(c.file) === env), files, argoContext)]),
  );
  const manifests = new Map();
  for (const [env, diff] of Object.entries(environments)) {
    if (diff.terraform.items.length + diff.kubernetes.items.length + diff.argocd.items.length > 0) diff.cost = costChange(env, range.base, range.head, manifests);
  }
  const warnings = files.warnings;

  const repository: EnvDiff['repository'] = {
    changedFiles: classified.filter((c) => c.file.artifact === 'atlantis' || (c.file.artifact === 'other' && !isCatalogPath(c.path) && isGenerated(c.path, range))).map((c) => c.path),
    atlantisProjects: [],
  };
  if (atlantisConfig !== undefined) {
    const config = atlantisConfig;
    const { planned, problems } = projectsToPlan(config.projects, range.changedFiles, (dir) => range.head.list(dir).length > 0);
    warnings.push(...config.problems, ...problems);
    for (const project of planned) {
      const env = atlantisEnvironment(project, envNames);
      (env ? environments[env]!.atlantisProjects : repository.atlantisProjects).push(project);
    }
  }

  const { behind, ref, commit } = range.base.info;
  if (behind > 0) {
    warnings.push(`\`${ref}\` has ${behind} commit(s) since the merge base \`${commit.slice(0, 12)}\`; they are not part of this diff. Merge or rebase to review the combined result.`);
  }
  const staleness = (options.staleness ?? manifestConsistency)(range.head);
  const catalog = catalogChanges(range.changedFiles, range);
  return {
    base: range.base.info,
    head: range.head.info,
    environments,
    repository,
    ...(catalog ? { catalog } : {}),
    risks: flattenRisks(environments),
    warnings,
    staleness,
    ...(options.policyExceptions ? { policyExceptions: options.policyExceptions() } : {}),
    durationMs: Math.round(clock() - started),
  };
}

/** Generated files outside the per-environment layouts: under an owned folder, or listed in either manifest. */
function isGenerated(path: string, range: { base: Revision; head: Revision }): boolean {
  if (OWNED_ROOTS.some((root) => path.startsWith(`${root}/`))) return true;
  return [range.base, range.head].some((side) => manifestPaths(side).has(path));
}

const manifestCache = new WeakMap<Revision, Set<string>>();
function manifestPaths(side: Revision): Set<string> {
  let paths = manifestCache.get(side);
  if (!paths) {
    paths = new Set(parseManifest(side.read([MANIFEST_PATH]).get(MANIFEST_PATH)).map((entry) => entry.path));
    manifestCache.set(side, paths);
  }
  return paths;
}
