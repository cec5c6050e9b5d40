/**
 * Rename detection: a removed and an added object of the same type whose bodies are identical or
 * nearly so are most likely one thing under a new name, which Terraform and Kubernetes treat as a
 * delete plus a create. Bodies are compared as sets of leaf `path=value` facts (Jaccard similarity).
 */
import { compareStrings } from '../../../generators/sort.js';

export interface RenameCandidate {
  id: string;
  /** Only candidates of the same group pair (resource type, or Kubernetes kind). */
  group: string;
  body: unknown;
}

const MIN_SIMILARITY = 0.6;
/** Above this many comparisons in one group, only exact matches are paired (keeps huge diffs fast). */
const MAX_FUZZY_COMPARISONS = 10_000;

function leafFacts(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((inner, i) => leafFacts(inner, `${prefix}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) leafFacts(inner, `${prefix}.${key}`, out);
  } else out.add(`${prefix}=${JSON.stringify(value)}`);
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const fact of a) if (b.has(fact)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

function groupBy(candidates: RenameCandidate[]): Map<string, RenameCandidate[]> {
  const groups = new Map<string, RenameCandidate[]>();
  for (const candidate of candidates) {
    const group = groups.get(candidate.group);
    if (group) group.push(candidate);
    else groups.set(candidate.group, [candidate]);
  }
  return groups;
}

/** Pairs removed → added ids, best matches first; each id is used at most once. */
export function pairRenames(removed: RenameCandidate[], added: RenameCandidate[]): Map<string, string> {
  const pairs = new Map<string, string>();
  const addedGroups = groupBy(added);
  for (const [group, olds] of groupBy(removed)) {
    const news = addedGroups.get(group) ?? [];
    if (news.length === 0) continue;
    const scored: { from: string; to: string; score: number }[] = [];
    if (olds.length * news.length <= MAX_FUZZY_COMPARISONS) {
      const newFacts = news.map((n) => ({ id: n.id, facts: leafFacts(n.body, '', new Set()) }));
      for (const old of olds) {
        const facts = leafFacts(old.body, '', new Set());
        for (const candidate of newFacts) {
          const score = similarity(facts, candidate.facts);
          if (score >= MIN_SIMILARITY) scored.push({ from: old.id, to: candidate.id, score });
        }
      }
    } else {
      // Too many to compare pairwise: pair identical bodies only, in order.
      const byBody = new Map<string, string[]>();
      for (const n of news) {
        const key = JSON.stringify(n.body);
        const ids = byBody.get(key);
        if (ids) ids.push(n.id);
        else byBody.set(key, [n.id]);
      }
      for (const old of olds) {
        const to = byBody.get(JSON.stringify(old.body))?.shift();
        if (to !== undefined) scored.push({ from: old.id, to, score: 1 });
      }
    }
    scored.sort((a, b) => b.score - a.score || compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
    const used = new Set<string>();
    for (const { from, to } of scored) {
      if (pairs.has(from) || used.has(to)) continue;
      pairs.set(from, to);
      used.add(to);
    }
  }
  return pairs;
}
