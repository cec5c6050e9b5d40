/**
 * Atlantis's `when_modified` matching, reproduced: each pattern is joined to the project `dir` (a
 * leading `!` stays in front), cleaned like Go's filepath.Join, and evaluated in order the way
 * moby/patternmatcher's MatchesOrParentMatches does — the last matching pattern wins, `!` excludes,
 * a pattern matching a parent folder matches the files inside it, `*` and `?` stop at `/`, `**`
 * crosses folders.
 */
import { posix } from 'node:path';

interface Pattern {
  exclusion: boolean;
  regexp: RegExp;
}

/** Go's filepath.Clean on a relative slash path (`a/./b/../c` → `a/c`, `` → `.`). */
function clean(path: string): string {
  const cleaned = posix.normalize(path).replace(/\/+$/, '');
  return cleaned === '' ? '.' : cleaned;
}

const REGEXP_SPECIALS = new Set(['.', '+', '(', ')', '|', '{', '}', '$', '^']);

/** Translates one cleaned pattern into an anchored regular expression, as patternmatcher compiles it. */
function compile(pattern: string): RegExp {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        source += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else source += '[^/]*';
    } else if (ch === '?') source += '[^/]';
    else if (ch === '\\') {
      source += i + 1 < pattern.length ? `\\${pattern[++i]}` : '\\\\';
    } else if (REGEXP_SPECIALS.has(ch)) source += `\\${ch}`;
    else source += ch;
  }
  return new RegExp(`${source}$`);
}

function parse(raw: string): Pattern | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const exclusion = trimmed.startsWith('!');
  const body = clean(exclusion ? trimmed.slice(1) : trimmed);
  return { exclusion, regexp: compile(body) };
}

/** The project's patterns made relative to the repository root, as Atlantis does before matching. */
export function patternsForProject(dir: string, whenModified: readonly string[]): string[] {
  return whenModified.map((raw) => {
    const trimmed = raw.trim();
    const exclusion = trimmed.startsWith('!');
    const joined = clean(posix.join(dir, exclusion ? trimmed.slice(1) : trimmed));
    return exclusion ? `!${joined}` : joined;
  });
}

/** A compiled pattern list; `matches(file)` follows MatchesOrParentMatches. */
export function patternMatcher(patterns: readonly string[]): (file: string) => boolean {
  const compiled = patterns.map(parse).filter((p): p is Pattern => p !== undefined);
  return (file) => {
    const parent = posix.dirname(file);
    const parentDirs = parent.split('/');
    let matched = false;
    for (const pattern of compiled) {
      if (pattern.exclusion !== matched) continue;
      let match = pattern.regexp.test(file);
      if (!match && parent !== '.') {
        for (let i = 1; i <= parentDirs.length && !match; i++) match = pattern.regexp.test(parentDirs.slice(0, i).join('/'));
      }
      if (match) matched = !pattern.exclusion;
    }
    return matched;
  };
}
