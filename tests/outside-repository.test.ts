/**
 * `pnpm synth` touches nothing outside the repository and does not depend on who runs it: run in a
 * copy of the repository under strace (every file-system system call of every thread), with HOME
 * pointing to a directory that does not exist and the variables cdktf and cdk8s consult set to odd
 * values, each path the process looked at or wrote is checked, and the output is unchanged.
 * Reads are allowed in the repository, its toolchain (node_modules, node), the system libraries and
 * the ancestors' module-resolution paths; writes only in the repository (the command runs as
 * `pnpm synth` does, from the prebuilt bundle, which it builds in the copy's `.cache/`: no tsx and
 * no transform cache in $TMPDIR). The test cannot see what a
 * different Node.js or operating system would do; without strace on PATH it is skipped (the
 * `.ci/run` unprivileged step still catches EACCES-type mistakes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from './support/run-tsx.js';
import { copyRepository, REPO_ROOT, removeDir, tempDir } from './support/tree.js';

const hasStrace = spawnSync('strace', ['-V'], { stdio: 'ignore' }).status === 0;

const WRITE_CALLS = /^(mkdir|mkdirat|rename|renameat2?|unlink|unlinkat|rmdir|symlink|symlinkat|link|linkat|creat|truncate|chmod|fchmodat|chown|lchown|fchownat|utimensat)$/;
const WRITE_FLAGS = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/;

interface Access {
  call: string;
  path: string;
  write: boolean;
}

/** Parses `strace -f -s 4096 -e trace=%file` output into (call, absolute path, is-write). */
export function parseStrace(log: string, cwd: string): Access[] {
  const accesses: Access[] = [];
  for (const line of log.split('\n')) {
    const match = /^\d+\s+(\w+)\((.*)$/.exec(line);
    if (!match) continue;
    const [, call, rest] = match as unknown as [string, string, string];
    const isWrite = WRITE_CALLS.test(call) || (/^open(at)?$/.test(call) && WRITE_FLAGS.test(rest));
    // The first quoted argument is a path; the second only for two-path calls (readlink's is the link's content).
    const quoted = [...rest.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!).slice(0, /^(rename|link)/.test(call) ? 2 : 1);
    for (const raw of quoted) {
      if (raw === '') continue;
      accesses.push({ call, path: isAbsolute(raw) ? resolve(raw) : resolve(cwd, raw), write: isWrite });
    }
  }
  return accesses;
}

const within = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);
const ancestors = (dir: string): string[] => (dirname(dir) === dir ? [dir] : [dir, ...ancestors(dirname(dir))]);

let repo: string;
let sandbox: string;
beforeAll(() => {
  repo = realpathSync(copyRepository({ bundle: false }));
  sandbox = realpathSync(tempDir('outside-repo-'));
  mkdirSync(join(sandbox, 'tmp'));
});
afterAll(() => {
  removeDir(repo);
  removeDir(sandbox);
});

describe('pnpm synth stays inside the repository', () => {
  it.skipIf(!hasStrace)('reads and writes nothing outside it, with a home directory that does not exist', async () => {
    const rewritten = 'generated/terraform/dev/network/main.tf.json';
    rmSync(join(repo, rewritten)); // so synth writes something
    const home = join(sandbox, 'home');
    const tmp = join(sandbox, 'tmp');
    const log = join(sandbox, 'strace.log');
    // What `pnpm synth` runs, without pnpm's own PATH look-ups.
    const result = await runCommand(process.execPath, ['scripts/bundle/run.mjs', 'synth'], repo, {
      env: {
        HOME: home,
        TMPDIR: tmp,
        XDG_CONFIG_HOME: undefined,
        XDG_CACHE_HOME: undefined,
        // What cdktf's and cdk8s's Apps would read: neither a directory nor the output may depend on them.
        CDKTF_OUTDIR: join(sandbox, 'cdktf.out'),
        CDK8S_OUTDIR: join(sandbox, 'dist'),
        CDKTF_CONTEXT_JSON: '{"excludeStackIdFromLogicalIds":"true","allowSepCharsInLogicalIds":"true"}',
        CDK8S_LEGACY_HASH: '1',
        CDK8S_DISABLE_SORT: '1',
        CDK8S_RECORD_CONSTRUCT_METADATA: 'true',
      },
      wrapper: ['strace', '-f', '-qq', '-s', '4096', '-e', 'trace=%file', '-o', log],
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(home)).toBe(false);
    expect(readFileSync(join(repo, rewritten), 'utf8')).toBe(readFileSync(join(REPO_ROOT, rewritten), 'utf8'));

    const accesses = parseStrace(readFileSync(log, 'utf8'), repo);
    const toolchain = [realpathSync(join(REPO_ROOT, 'node_modules')), join(REPO_ROOT, 'node_modules'), dirname(dirname(realpathSync(process.execPath)))];
    const system = ['/proc', '/sys', '/dev', '/etc', '/usr', '/lib', '/lib64'];
    const resolution = new Set([...ancestors(repo), ...ancestors(resolve(REPO_ROOT))].flatMap((dir) => [dir, join(dir, 'node_modules'), join(dir, 'package.json')]));
    // Node and tsx probe whether the file system is case-sensitive by looking up the upper-cased path.
    const caseProbe = (path: string) => within(path.toLowerCase(), repo.toLowerCase());
    // Node's start-up looks up its legacy global module folders in HOME (they do not exist here).
    const nodeGlobals = new Set([join(home, '.node_modules'), join(home, '.node_libraries')]);
    const readable = (path: string) =>
      within(path, repo) || caseProbe(path) || nodeGlobals.has(path) || within(path, tmp) || resolution.has(path) || [...toolchain, ...system].some((dir) => within(path, dir));

    expect(accesses.filter((a) => a.write && within(a.path, repo)).length).toBeGreaterThan(0); // the trace sees writes at all
    expect(accesses.filter((a) => a.write && within(a.path, join(repo, '.cache/bundle'))).length).toBeGreaterThan(0); // it built its bundle
    expect(accesses.filter((a) => a.write && !within(a.path, repo)).map((a) => `${a.call} ${a.path}`)).toEqual([]);
    expect([...new Set(accesses.filter((a) => !readable(a.path)).map((a) => `${a.call} ${a.path}`))]).toEqual([]);
  });
});
