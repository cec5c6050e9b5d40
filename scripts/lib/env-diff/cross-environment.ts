/**
 * Cross-environment de-duplication for the comment: a change that is identical in several
 * environments — once each environment's own name is replaced by `{env}` — is shown once, with the
 * environments it applies to. The JSON output is never de-duplicated.
 */
import type { ArgoCdItem, Artifact, EnvDiff, KubernetesItem, Risk, TerraformItem } from './types.js';

export const ENV_PLACEHOLDER = '{env}';

export type Change =
  | { artifact: 'terraform'; group: string; item: TerraformItem }
  | { artifact: 'kubernetes'; group: string; item: KubernetesItem }
  | { artifact: 'argocd'; group: string; item: ArgoCdItem };

export interface ChangeGroup {
  environments: string[];
  changes: Change[];
}

export interface GroupedRisk extends Risk {
  environments: string[];
  artifact: Artifact;
  group: string;
}

function envPattern(env: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${env.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'g');
}

/** A deep copy with the environment's name, as a whole word, replaced by `{env}` in every string and key. */
export function normalizeEnvironment<T>(value: T, env: string): T {
  const pattern = envPattern(env);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(pattern, ENV_PLACEHOLDER);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k.replace(pattern, ENV_PLACEHOLDER), walk(inner)]));
    return v;
  };
  return walk(value) as T;
}

export function changesOf(diff: EnvDiff, env: string): Change[] {
  const sections = diff.environments[env];
  if (!sections) return [];
  return [
    ...sections.terraform.items.map((item): Change => ({ artifact: 'terraform', group: item.stack, item })),
    ...sections.kubernetes.items.map((item): Change => ({ artifact: 'kubernetes', group: item.app, item })),
    ...sections.argocd.items.map((item): Change => ({ artifact: 'argocd', group: '', item })),
  ];
}

/** Collects values under a signature, remembering the environments each appears in (first-seen order). */
function collect<T>(entries: { env: string; normalized: T; original: T }[]): { environments: string[]; value: T }[] {
  const bySignature = new Map<string, { environments: string[]; normalized: T; original: T }>();
  for (const entry of entries) {
    // The same signature twice within one environment stays two entries.
    let signature = JSON.stringify(entry.normalized);
    while (bySignature.get(signature)?.environments.includes(entry.env)) signature += '\u0000';
    const seen = bySignature.get(signature);
    if (seen) seen.environments.push(entry.env);
    else bySignature.set(signature, { environments: [entry.env], normalized: entry.normalized, original: entry.original });
  }
  // Shared values are shown normalized ({env}); single-environment values keep their real text.
  return [...bySignature.values()].map((s) => ({ environments: s.environments, value: s.environments.length > 1 ? s.normalized : s.original }));
}

/** Change groups: shared ones first (widest first), then one per environment, in environment order. */
export function groupChanges(diff: EnvDiff): ChangeGroup[] {
  const envs = Object.keys(diff.environments);
  const collected = collect(envs.flatMap((env) => changesOf(diff, env).map((change) => ({ env, normalized: normalizeEnvironment(change, env), original: change }))));
  const groups = new Map<string, ChangeGroup>();
  for (const { environments, value } of collected) {
    const key = environments.join(',');
    const group = groups.get(key) ?? { environments, changes: [] };
    group.changes.push(value);
    groups.set(key, group);
  }
  const rank = (g: ChangeGroup) => [-g.environments.length, envs.indexOf(g.environments[0]!)] as const;
  return [...groups.values()].sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
}

/** Risks of every environment, identical ones merged, most severe first. */
export function groupRisks(diff: EnvDiff): GroupedRisk[] {
  const entries = diff.risks.map((risk) => {
    const group = risk.subject.split(' ')[0] ?? '';
    const base = { severity: risk.severity, rule: risk.rule, message: risk.message, artifact: risk.artifact, group: risk.artifact === 'argocd' ? '' : group };
    return { env: risk.environment, normalized: normalizeEnvironment(base, risk.environment), original: base };
  });
  return collect(entries).map(({ environments, value }) => ({ ...value, environments }));
}
