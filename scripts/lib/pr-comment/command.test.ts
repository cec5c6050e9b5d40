/** `pnpm pr-comment` end to end: GitHub Actions environment, flags, errors, against a local fake GitHub. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../cli.js';
import { COMMENT_MARKER } from '../env-diff/markdown.js';
import { devOnlyChange } from '../env-diff/testing/scenarios.js';
import { renderFixture } from '../env-diff/testing/fixture-platform.js';
import { createFixtureRepo } from '../env-diff/testing/fixture-repo.js';
import { runPrComment } from './command.js';
import { startFakeGitHub, type FakeGitHub } from './testing/fake-github.js';

const toolRoot = fileURLToPath(new URL('../../..', import.meta.url));
const TOKEN = 'ghs_commandTestToken0123456789abcdefABCDEF';
const temp = mkdtempSync(join(tmpdir(), 'pr-comment-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let github: FakeGitHub;
beforeEach(async () => {
  github = await startFakeGitHub('acme', 'platform-gitops', 42);
});
afterEach(() => github.close());

function eventFile(payload: object): string {
  const path = join(temp, `event-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

function actionsEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { GITHUB_REPOSITORY: 'acme/platform-gitops', GITHUB_EVENT_PATH: eventFile({ pull_request: { number: 42 } }), GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url, ...extra };
}

async function run(argv: string[], env: NodeJS.ProcessEnv, cwd = toolRoot) {
  const lines: string[] = [];
  const code = await runPrComment({ argv, env, cwd, toolRoot, log: (line) => lines.push(line) });
  return { code, lines };
}

describe('pnpm pr-comment', () => {
  it('computes the diff itself with --base, posts it, and writes the uncut report to the job summary', async () => {
    const repo = createFixtureRepo();
    try {
      const { base, head } = devOnlyChange();
      repo.commitTree(renderFixture(base), 'base');
      repo.commitTree(renderFixture(head), 'head');
      const summary = join(temp, 'summary.md');
      const { code, lines } = await run(['--base', 'main~1', '--head', 'main'], actionsEnv({ GITHUB_STEP_SUMMARY: summary }), repo.root);
      expect(code).toBe(0);
      expect(lines).toEqual(['pnpm pr-comment: created comment 1000 on acme/platform-gitops#42: https://github.example/acme/platform-gitops/pull/42#issuecomment-1000']);
      const posted = (github.requests[1]!.body as { body: string }).body;
      expect(posted.startsWith(`${COMMENT_MARKER}\n### Environment diff`)).toBe(true);
      expect(posted).toContain('| **dev** | +0 ~1 −0 | +0 ~2 −0 | — | `dev-data` | — |');
      expect(readFileSync(summary, 'utf8')).toBe(posted.replace(`${COMMENT_MARKER}\n`, ''));
    } finally {
      repo.remove();
    }
  });

  it('posts a prepared --body-file, then updates the same comment on the next run', async () => {
    const body = join(temp, 'body.md');
    writeFileSync(body, '### Prepared\n');
    await run(['--body-file', body], actionsEnv());
    writeFileSync(body, '### Prepared again\n');
    const { lines } = await run(['--body-file', body], actionsEnv());
    expect(lines).toEqual(['pnpm pr-comment: updated comment 1000 on acme/platform-gitops#42: https://github.example/acme/platform-gitops/pull/42#issuecomment-1000']);
    expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /repos/acme/platform-gitops/issues/42/comments?per_page=100',
      'POST /repos/acme/platform-gitops/issues/42/comments',
      'GET /repos/acme/platform-gitops/issues/42/comments?per_page=100',
      'PATCH /repos/acme/platform-gitops/issues/comments/1000',
    ]);
    expect(github.comments).toEqual([{ id: 1000, body: `${COMMENT_MARKER}\n### Prepared again\n` }]);
  });

  it('takes repository, pull request, API URL and token variable from flags', async () => {
    const body = join(temp, 'flags.md');
    writeFileSync(body, 'x\n');
    const env = { MY_TOKEN: TOKEN };
    await run(['--body-file', body, '--repo', 'acme/platform-gitops', '--pr', '42', '--api-url', github.url, '--token-env', 'MY_TOKEN'], env);
    expect(github.requests.map((r) => [r.method, r.authorization])).toEqual([
      ['GET', `token ${TOKEN}`],
      ['POST', `token ${TOKEN}`],
    ]);
  });

  it('reads the pull request of an issue_comment event', async () => {
    const body = join(temp, 'issue.md');
    writeFileSync(body, 'x\n');
    await run(['--body-file', body], actionsEnv({ GITHUB_EVENT_PATH: eventFile({ issue: { number: 42, pull_request: { url: 'x' } } }) }));
    expect(github.requests[1]!.url).toBe('/repos/acme/platform-gitops/issues/42/comments');
  });

  it('explains what is missing in one line', async () => {
    const body = join(temp, 'missing.md');
    writeFileSync(body, 'x\n');
    const failure = (argv: string[], env: NodeJS.ProcessEnv) => run(argv, env).then(() => undefined, (error: unknown) => error);
    expect(await failure(['--body-file', body], actionsEnv({ GITHUB_TOKEN: undefined }))).toEqual(
      new UsageError('no GitHub token: set GITHUB_TOKEN or GH_TOKEN (in GitHub Actions: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }})'),
    );
    expect(await failure(['--body-file', body], actionsEnv({ GITHUB_EVENT_PATH: eventFile({ ref: 'refs/heads/main' }) }))).toEqual(
      new UsageError('no pull request: pass --pr <number> or run on a pull_request event (GITHUB_EVENT_PATH has no pull_request.number)'),
    );
    expect(await failure(['--body-file', body], actionsEnv({ GITHUB_REPOSITORY: undefined }))).toEqual(
      new UsageError('no repository: pass --repo <owner/name> or set GITHUB_REPOSITORY'),
    );
    expect(await failure(['--body-file', body, '--pr', 'abc'], actionsEnv())).toEqual(new UsageError('--pr: expected a pull request number, got "abc"'));
    expect(await failure(['--body-file', body, '--base', 'main'], actionsEnv())).toEqual(
      new UsageError('--body-file posts a prepared body; it cannot be combined with --base or --head'),
    );
    expect(await failure(['--body-file', join(temp, 'nope.md')], actionsEnv())).toEqual(new UsageError(`--body-file: cannot read ${join(temp, 'nope.md')}: ENOENT`));
    expect(github.requests).toEqual([]);
  });
});

describe('the command-line entry points', () => {
  const tsx = join(toolRoot, 'node_modules/.bin/tsx');
  const exec = promisify(execFile);
  const runScript = (script: string, args: string[], env: NodeJS.ProcessEnv) =>
    exec(tsx, [join(toolRoot, 'scripts', script), ...args], { cwd: toolRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('pr-comment prints a failing API call as one line, exit 1, and never the token', async () => {
    github.failWith = { status: 401, message: 'Bad credentials' };
    const body = join(temp, 'cli.md');
    writeFileSync(body, 'x\n');
    const result = await runScript('pr-comment.ts', ['--body-file', body], actionsEnv());
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'GitHub API: GET /repos/acme/platform-gitops/issues/42/comments failed with 401: Bad credentials - https://docs.github.com/rest (the token is invalid or expired)\n',
    });
  });

  it('env-diff rejects a bad --format and an unknown revision in one line each', async () => {
    expect(await runScript('env-diff.ts', ['--format', 'yaml'], {})).toEqual({ code: 1, stdout: '', stderr: '--format: expected markdown or json, got "yaml"\n' });
    expect(await runScript('env-diff.ts', ['--base', 'no-such-ref', '--format', 'json'], {})).toEqual({
      code: 1,
      stdout: '',
      stderr: '--base: unknown revision "no-such-ref"\n',
    });
  });
});
