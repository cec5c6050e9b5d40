/**
 * The pull-request comment. First screen: the environment × artifact matrix, warnings (stale
 * output, base moved on) and the risk list. Then one collapsible section per group of changes:
 * changes identical in several environments once, then each environment's own. It stays under
 * GitHub's limit by cutting whole resources (shared changes and prod keep priority), says how much
 * it cut, and ends with how long the diff took.
 */
import { fitSections, GITHUB_COMMENT_LIMIT, sectionBody } from './budget.js';
import { ENV_PLACEHOLDER, groupChanges, groupRisks, type ChangeGroup, type GroupedRisk } from './cross-environment.js';
import { renderBlock, SEVERITY_ICON, type Block } from './markdown-blocks.js';
import { byteLength, code, counts, escapeCell, escapeHtml, formatDuration } from './markdown-text.js';
import { usd } from '../../../generators/cost/money.js';
import { MANIFEST_PATH } from '../manifest.js';
import { catalogLine } from './catalog-summary.js';
import type { AtlantisProject, EnvDiff, EnvironmentDiff, Risk } from './types.js';

/** Hidden marker by which `pnpm pr-comment` finds its earlier comment. */
export const COMMENT_MARKER = '<!-- platform-gitops:env-diff -->';

export interface MarkdownOptions {
  /** Maximum comment size; defaults to GitHub's 65,536. */
  maxLength?: number;
}

const MAX_RISKS = 20;
const MAX_LISTED = 10;
/** Kept free for rounding and for whatever GitHub counts differently. */
const SAFETY_MARGIN = 256;
const NOTICE_RESERVE = 400;
const OMISSION_RESERVE = 120;

const short = (commit: string) => commit.slice(0, 12);

function riskCounts(risks: readonly Pick<Risk, 'severity'>[]): string {
  const danger = risks.filter((r) => r.severity === 'danger').length;
  const warning = risks.length - danger;
  const parts = [...(danger > 0 ? [`${SEVERITY_ICON.danger} ${danger}`] : []), ...(warning > 0 ? [`${SEVERITY_ICON.warning} ${warning}`] : [])];
  return parts.length > 0 ? parts.join(' ') : '—';
}

function environmentRisks(env: EnvironmentDiff): Risk[] {
  return [...env.terraform.items, ...env.kubernetes.items, ...env.argocd.items].flatMap((item) => item.risks);
}

function hasChanges(env: EnvironmentDiff): boolean {
  return env.terraform.items.length + env.kubernetes.items.length + env.argocd.items.length + env.atlantisProjects.length > 0;
}

function plansCell(projects: AtlantisProject[]): string {
  if (projects.length === 0) return '—';
  return projects.length <= 3 ? projects.map((p) => code(p.name)).join(', ') : `${projects.length} projects`;
}

function matrix(diff: EnvDiff): string {
  const rows = Object.entries(diff.environments).map(([name, env]) =>
    [`**${name}**`, counts(env.terraform), counts(env.kubernetes), counts(env.argocd), plansCell(env.atlantisProjects), riskCounts(environmentRisks(env)), env.cost?.delta ?? '—'].map(escapeCell),
  );
  return [
    '| Environment | Terraform + ~ − | Kubernetes + ~ − | Applications + ~ − | Atlantis plans | Risk | Cost |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

function context(diff: EnvDiff): string {
  const { base, head } = diff;
  const baseText = base.commit === base.tip ? `${code(base.ref)} (${code(short(base.commit))})` : `${code(base.ref)} (merge base ${code(short(base.commit))})`;
  const headText = head.commit === null ? 'the working tree' : `${code(head.ref)} (${code(short(head.commit))})`;
  const repo = diff.repository;
  const repoParts = [
    ...(repo.changedFiles.length > 0 ? [`${repo.changedFiles.slice(0, MAX_LISTED).map(code).join(', ')} changed`] : []),
    ...(repo.atlantisProjects.length > 0 ? [`Atlantis also plans ${repo.atlantisProjects.map((p) => code(p.name)).join(', ')}`] : []),
  ];
  const nothing = Object.values(diff.environments).every((env) => !hasChanges(env)) && repoParts.length === 0 && !diff.catalog;
  const outcome = nothing ? ' No generated output changes.' : repoParts.length > 0 ? ` Repository-wide: ${repoParts.join('; ')}.` : '';
  const catalog = diff.catalog ? `\n\n${catalogLine(diff.catalog)}` : '';
  return `Generated output of ${baseText} compared with ${headText}.${outcome}${catalog}`;
}

function listWithCap(items: readonly string[], prefix: string): string[] {
  const shown = items.slice(0, MAX_LISTED).map((item) => `${prefix}- ${item}`);
  return items.length > MAX_LISTED ? [...shown, `${prefix}- … and ${items.length - MAX_LISTED} more`] : shown;
}

/** One line per environment whose estimate moves: from, to, and the line items that moved it most. */
function costLines(diff: EnvDiff): string[] {
  const moved = Object.entries(diff.environments).filter(([, env]) => env.cost && env.cost.deltaUsd !== 0);
  if (moved.length === 0) return [];
  const line = ([name, env]: [string, EnvironmentDiff]) => {
    const cost = env.cost!;
    const by = cost.contributors.map((c) => `${code(c.resource)} ${c.delta}`).join(', ');
    return `- **${name}** ${cost.delta}: ${usd(cost.beforeUsd)} → ${usd(cost.afterUsd)} a month${by ? `, mostly ${by}` : ''}`;
  };
  return ['**Cost** (monthly estimate at list prices; `generated/catalog/cost/<env>.md` explains it)', ...moved.map(line), ''];
}

function alerts(diff: EnvDiff): string[] {
  const lines: string[] = [];
  const { staleness } = diff;
  if (staleness.status === 'stale') {
    lines.push('> [!WARNING]', `> **Generated output is stale** (${staleness.method}): run \`pnpm synth\` and commit the result.`, ...listWithCap(staleness.problems, '> '), '');
  }
  if (diff.warnings.length > 0) lines.push('**Notes**', ...listWithCap(diff.warnings, ''), '');
  return lines;
}

/** Exceptions in force at head: every one is listed, so none can hide in a pull request. */
function exceptionList(diff: EnvDiff): string[] {
  const exceptions = diff.policyExceptions ?? [];
  if (exceptions.length === 0) return [];
  return [
    `<details><summary><b>Policy exceptions in force</b> (${exceptions.length})</summary>`,
    '',
    ...exceptions.map((e) => `- ${e.environment} · ${code(e.rule)} · ${code(e.resource)} · until ${e.expires}: ${escapeHtml(e.reason)}`),
    '',
    '</details>',
    '',
  ];
}

function riskSubject(risk: GroupedRisk): string {
  if (risk.artifact === 'terraform') return `Terraform ${code(risk.group)}`;
  if (risk.artifact === 'kubernetes') return `Kubernetes ${code(risk.group)}`;
  return 'Argo CD';
}

function riskList(diff: EnvDiff): string[] {
  const risks = groupRisks(diff);
  if (risks.length === 0) return ['**Risks:** none detected by the static checks (the Atlantis plan remains authoritative).', ''];
  const lines = risks.slice(0, MAX_RISKS).map((r) => `- ${SEVERITY_ICON[r.severity]} **${r.environments.join(', ')}** · ${riskSubject(r)} · ${r.message}`);
  if (risks.length > MAX_RISKS) lines.push(`- … and ${risks.length - MAX_RISKS} more (in the sections below and in \`--format json\`)`);
  return [`**Risks** (${riskCounts(diff.risks)})`, ...lines, ''];
}

interface Section {
  key: string;
  summary: string;
  intro: string[];
  blocks: Block[];
}

function atlantisLine(projects: AtlantisProject[]): string[] {
  if (projects.length === 0) return [];
  const describe = (p: AtlantisProject) =>
    `${code(p.name)}${p.dependsOn.length > 0 ? ` (after ${p.dependsOn.map(code).join(', ')})` : ''}${p.autoplan ? '' : ` (autoplan off: comment \`atlantis plan -p ${p.name}\`)`}`;
  return [`Atlantis plans ${projects.map(describe).join(', ')}.`];
}

function sharedSection(group: ChangeGroup): Section {
  const blocks = group.changes.map(renderBlock);
  const usesPlaceholder = blocks.some((b) => b.text.includes(ENV_PLACEHOLDER) || b.heading.includes(ENV_PLACEHOLDER));
  return {
    key: group.environments.join(','),
    summary: `<b>${escapeHtml(group.environments.join(' · '))}</b> — ${group.changes.length} identical change(s)`,
    intro: usesPlaceholder ? [`${code(ENV_PLACEHOLDER)} stands for each environment's name.`] : [],
    blocks,
  };
}

function environmentSection(name: string, env: EnvironmentDiff, own: ChangeGroup | undefined, sharedCount: number): Section {
  const parts = [
    ...(env.terraform.items.length > 0 ? [`Terraform ${counts(env.terraform)}`] : []),
    ...(env.kubernetes.items.length > 0 ? [`Kubernetes ${counts(env.kubernetes)}`] : []),
    ...(env.argocd.items.length > 0 ? [`Applications ${counts(env.argocd)}`] : []),
    ...(env.atlantisProjects.length > 0 ? [`${env.atlantisProjects.length} Atlantis plan(s)`] : []),
  ];
  const risks = riskCounts(environmentRisks(env));
  return {
    key: name,
    summary: `<b>${escapeHtml(name)}</b> — ${escapeHtml(parts.join(' · '))}${risks === '—' ? '' : ` · ${risks}`}`,
    intro: [...atlantisLine(env.atlantisProjects), ...(sharedCount > 0 ? [`${sharedCount} change(s) shared with other environments are listed once above.`] : [])],
    blocks: (own?.changes ?? []).map(renderBlock),
  };
}

function sections(diff: EnvDiff): Section[] {
  const groups = groupChanges(diff);
  const shared = groups.filter((g) => g.environments.length > 1);
  // An environment whose changes are all shared, and that plans nothing, needs no section of its own.
  const perEnvironment = Object.entries(diff.environments)
    .map(([name, env]) => ({ name, env, own: groups.find((g) => g.environments.length === 1 && g.environments[0] === name) }))
    .filter(({ env, own }) => own !== undefined || env.atlantisProjects.length > 0)
    .map(({ name, env, own }) => {
      const sharedCount = shared.filter((g) => g.environments.includes(name)).reduce((sum, g) => sum + g.changes.length, 0);
      return environmentSection(name, env, own, sharedCount);
    });
  return [...shared.map(sharedSection), ...perEnvironment];
}

function omission(count: number): string {
  return count > 0 ? `\n_… ${count} more change(s) not shown here (comment size limit)._\n` : '';
}

function renderSection(section: Section, shown: number): string {
  const intro = section.intro.length > 0 ? `${section.intro.join('\n\n')}\n` : '';
  const content = `${intro}${sectionBody(section.blocks, shown)}${omission(section.blocks.length - shown)}`.replace(/^\n+/, '');
  return `<details>\n<summary>${section.summary}</summary>\n\n${content}\n</details>\n`;
}

function stalenessNote(staleness: EnvDiff['staleness']): string {
  switch (staleness.status) {
    case 'fresh':
      return `generated output up to date (${staleness.method})`;
    case 'consistent':
      return `generated files match ${MANIFEST_PATH} (contents are regenerated only for the working tree)`;
    case 'unchecked':
      return `staleness not checked: ${staleness.problems.join('; ')}`;
    case 'stale':
      return 'generated output is stale';
  }
}

function footer(diff: EnvDiff): string {
  return (
    `<sub>Diff computed in ${formatDuration(diff.durationMs)} · ${escapeHtml(stalenessNote(diff.staleness))} · ` +
    `reproduce with \`pnpm env-diff --base ${short(diff.base.commit)}\` (\`--format json\` for machines)</sub>\n`
  );
}

export function renderMarkdown(diff: EnvDiff, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const head = [COMMENT_MARKER, '### Environment diff', '', matrix(diff), '', context(diff), '', ...alerts(diff), ...costLines(diff), ...riskList(diff), ...exceptionList(diff)].join('\n');
  const end = footer(diff);
  const all = sections(diff);
  const skeletons = all.reduce((sum, s) => sum + byteLength(renderSection(s, 0)) + OMISSION_RESERVE + 1, 0);
  const available = maxLength - SAFETY_MARGIN - NOTICE_RESERVE - byteLength(head) - byteLength(end) - skeletons;
  // Budget priority: changes shared by several environments, then production first (reverse promotion order).
  const sharedKeys = all.filter((s) => s.key.includes(',')).map((s) => s.key);
  const envKeys = all.filter((s) => !s.key.includes(',')).map((s) => s.key).reverse();
  const shown = fitSections(new Map(all.map((s) => [s.key, s.blocks])), [...sharedKeys, ...envKeys], Math.max(0, available));

  const total = all.reduce((sum, s) => sum + s.blocks.length, 0);
  const omitted = total - [...shown.values()].reduce((sum, n) => sum + n, 0);
  const notice =
    omitted > 0
      ? `> [!WARNING]\n> Cut to fit GitHub's comment size limit: ${omitted} of ${total} resource change(s) are not shown below. ` +
        `Run \`pnpm env-diff --base ${short(diff.base.commit)}\` locally, or \`--format json\`, for all of them.\n\n`
      : '';
  const body = all.map((s) => renderSection(s, shown.get(s.key) ?? 0)).join('\n');
  return `${head}\n${notice}${body}${body ? '\n' : ''}${end}`;
}
