/**
 * The env-diff summary `pnpm promote` prints after synth: per environment, what changed in the
 * generated output against HEAD (scripts/lib/env-diff/, the same computation as `pnpm env-diff`),
 * as counts and the changed objects (at most MAX_ITEMS per environment). Synth has just run, so the
 * output is fresh by construction and the in-process staleness check is skipped.
 */
import { platform } from '../../../environments/platform.js';
import { computeEnvDiff } from '../env-diff/compute.js';
import type { ArtifactSection, EnvDiff } from '../env-diff/types.js';

const MAX_ITEMS = 12;

const counts = (section: ArtifactSection<unknown>) => `+${section.added} ~${section.changed} -${section.removed}`;
const SIGN = { added: '+', changed: '~', removed: '-' } as Record<string, string>;

export function summaryLines(diff: EnvDiff): string[] {
  const lines: string[] = [];
  for (const [name, env] of Object.entries(diff.environments)) {
    const total = env.terraform.items.length + env.kubernetes.items.length + env.argocd.items.length;
    if (total === 0) continue;
    lines.push(`  ${name}: terraform ${counts(env.terraform)}, kubernetes ${counts(env.kubernetes)}, argocd ${counts(env.argocd)}`);
    const items = [
      ...env.terraform.items.map((i) => `${SIGN[i.change]} terraform ${i.stack} ${i.address}`),
      ...env.kubernetes.items.map((i) => `${SIGN[i.change]} ${i.app} ${i.kind} ${i.namespace ? `${i.namespace}/` : ''}${i.name}`),
      ...env.argocd.items.map((i) => `${SIGN[i.change]} argocd ${i.kind} ${i.name}`),
    ];
    lines.push(...items.slice(0, MAX_ITEMS).map((item) => `    ${item}`));
    if (items.length > MAX_ITEMS) lines.push(`    … and ${items.length - MAX_ITEMS} more (\`pnpm env-diff\` shows all)`);
  }
  for (const risk of diff.risks) lines.push(`  ${risk.severity}: ${risk.environment} ${risk.subject}: ${risk.message}`);
  return lines.length > 0 ? lines : ['  no generated file changed'];
}

/** The summary against HEAD, or one line saying why there is none (e.g. not a Git repository). */
export function promotionDiffSummary(root: string, environments: readonly string[]): string[] {
  try {
    const diff = computeEnvDiff({
      root,
      base: 'HEAD',
      defaultBranch: platform.defaultBranch,
      environments,
      staleness: () => ({ status: 'fresh', method: 'pnpm synth ran just before', problems: [] }),
    });
    return ['env-diff against HEAD (`pnpm env-diff` for the full review):', ...summaryLines(diff)];
  } catch (error) {
    return [`env-diff: not shown (${(error as Error).message.split('\n')[0]})`];
  }
}
