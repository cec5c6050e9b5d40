/**
 * Real git repositories in temporary folders for env-diff tests and benchmarks. Commits carry a
 * fixed author, committer and clock, so their hashes — and therefore exact expected output — are
 * the same on every machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface FixtureRepo {
  root: string;
  /** Writes (or, for null, deletes) files in the working tree without committing. */
  write(files: Record<string, string | null>): void;
  /** Replaces the whole tree with `files` (absent paths are deleted) and commits; returns the commit. */
  commitTree(files: Record<string, string>, message: string): string;
  git(...args: string[]): string;
  remove(): void;
}

export function createFixtureRepo(prefix = 'env-diff-'): FixtureRepo {
  const root = mkdtempSync(join(tmpdir(), prefix));
  let clock = Date.UTC(2026, 0, 1) / 1000;
  const identity = { name: 'Fixture', email: 'fixture@example.invalid' };
  const git = (...args: string[]) => {
    const date = `${clock} +0000`;
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: identity.name,
      GIT_AUTHOR_EMAIL: identity.email,
      GIT_COMMITTER_NAME: identity.name,
      GIT_COMMITTER_EMAIL: identity.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    };
    return execFileSync('git', args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
  };
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'commit.gpgsign', 'false');

  const write = (files: Record<string, string | null>) => {
    for (const [path, content] of Object.entries(files)) {
      const full = join(root, path);
      if (content === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
  };

  return {
    root,
    write,
    commitTree(files, message) {
      const current = git('ls-files', '-z').split('\0').filter(Boolean);
      write(Object.fromEntries(current.filter((path) => !(path in files)).map((path) => [path, null])));
      write(files);
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      clock += 60;
      return git('rev-parse', 'HEAD');
    },
    git,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
