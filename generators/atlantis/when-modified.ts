/**
 * Which Atlantis projects a pull request plans, computed the way Atlantis does it:
 *  - each `when_modified` pattern is joined to the project's `dir` (Go's filepath.Join, which also
 *    cleans `..` and `.`), keeping a leading `!` in front;
 *  - the joined patterns go through moby's patternmatcher `MatchesOrParentMatches` against every
 *    modified file (repository-relative), in order: an inclusion can turn a match on, a later
 *    exclusion (`!`) can turn it off again, and a pattern also matches when it matches one of the
 *    file's parent directories;
 *  - pattern syntax: `*` and `?` never cross `/`, `**` spans any number of directories (also none),
 *    `[...]` character classes, `\` escapes.
 * Atlantis also drops a project whose `dir` no longer exists; callers pass only existing trees.
 */

/** Go's path.Clean for slash-separated paths. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Go's filepath.Join: joins non-empty elements with `/` and cleans the result. */
export function joinPath(...parts: string[]): string {
  const nonEmpty = parts.filter((p) => p !== '');
  return nonEmpty.length === 0 ? '' : cleanPath(nonEmpty.join('/'));
}

interface CompiledPattern {
  exclusion: boolean;
  matches: (path: string) => boolean;
}

const REGEX_SPECIALS = new Set(['.', '+', '(', ')', '|', '{', '}', '$', '^']);

/** Compiles one cleaned pattern like moby's patternmatcher (exact, prefix, suffix or regexp match). */
function compile(pattern: string): (path: string) => boolean {
  let regex = '^';
  let type: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          if (type === 'exact') type = 'prefix';
          else {
            regex += '.*';
            type = 'regexp';
          }
        } else {
          regex += '(.*/)?';
          type = 'regexp';
        }
        // A leading ** makes a pure suffix match (unless later wildcards turn it into a regexp).
        if (i <= 2 && chars[0] === '*' && chars[1] === '*') type = 'suffix';
      } else {
        regex += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      regex += '[^/]';
      type = 'regexp';
    } else if (REGEX_SPECIALS.has(ch)) {
      regex += `\\${ch}`;
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        regex += `\\${chars[++i]}`;
        type = 'regexp';
      } else regex += '\\\\';
    } else if (ch === '[' || ch === ']') {
      regex += ch;
      type = 'regexp';
    } else {
      regex += ch;
    }
  }
  switch (type) {
    case 'exact':
      return (path) => path === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return (path) => path.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    case 'regexp': {
      const compiled = new RegExp(`${regex}$`);
      return (path) => compiled.test(path);
    }
  }
}

/** moby patternmatcher.New: trims, skips blanks, cleans, splits off a leading `!`. */
export function compilePatterns(patterns: readonly string[]): CompiledPattern[] {
  const compiled: CompiledPattern[] = [];
  for (const raw of patterns) {
    let pattern = raw.trim();
    if (pattern === '') continue;
    pattern = cleanPath(pattern);
    const exclusion = pattern.startsWith('!');
    if (exclusion) {
      if (pattern.length === 1) throw new Error('illegal exclusion pattern: "!"');
      pattern = pattern.slice(1);
    }
    compiled.push({ exclusion, matches: compile(pattern) });
  }
  return compiled;
}

/** moby patternmatcher.MatchesOrParentMatches. */
export function matchesOrParentMatches(patterns: readonly CompiledPattern[], file: string): boolean {
  let matched = false;
  const parent = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
  const parentDirs = parent.split('/');
  for (const pattern of patterns) {
    // An inclusion is skipped once matched; an exclusion only matters after a match.
    if (pattern.exclusion !== matched) continue;
    let match = pattern.matches(file);
    if (!match && parent !== '.') {
      for (let i = 0; i < parentDirs.length && !match; i++) match = pattern.matches(parentDirs.slice(0, i + 1).join('/'));
    }
    if (match) matched = !pattern.exclusion;
  }
  return matched;
}

/** A project's `when_modified` patterns made relative to the repository root, as Atlantis does. */
export function repoRelativePatterns(dir: string, whenModified: readonly string[]): string[] {
  return whenModified.map((raw) => {
    const pattern = raw.trim();
    const exclusion = pattern.startsWith('!');
    const joined = joinPath(dir, exclusion ? pattern.slice(1) : pattern);
    return exclusion ? `!${joined}` : joined;
  });
}

export interface PlannableProject {
  name: string;
  dir: string;
  autoplan: { when_modified: string[] };
}

/** Whether a change to any of `files` (repository-relative) makes Atlantis plan the project. */
export function projectMatches(project: PlannableProject, files: readonly string[]): boolean {
  const patterns = compilePatterns(repoRelativePatterns(project.dir, project.autoplan.when_modified));
  return files.some((file) => matchesOrParentMatches(patterns, file));
}

/** Names of the projects a pull request changing `files` would plan, in config order. */
export function plannedProjects(projects: readonly PlannableProject[], files: readonly string[]): string[] {
  return projects.filter((project) => projectMatches(project, files)).map((project) => project.name);
}
