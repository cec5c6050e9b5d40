/** The comment client against a local fake of the GitHub REST API, asserting the exact requests. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../cli.js';
import { COMMENT_MARKER } from '../env-diff/markdown.js';
import type { GitHubTarget } from './github-target.js';
import { githubClient, upsertComment } from './sticky-comment.js';
import { startFakeGitHub, type FakeGitHub } from './testing/fake-github.js';

const TOKEN = 'ghs_fakeTokenForTests0123456789abcdefABCD';
const LIST = '/repos/acme/platform-gitops/issues/7/comments';
let github: FakeGitHub;
let target: GitHubTarget;

beforeEach(async () => {
  github = await startFakeGitHub('acme', 'platform-gitops', 7);
  target = { owner: 'acme', repo: 'platform-gitops', pullNumber: 7, token: TOKEN, apiUrl: github.url };
});
afterEach(() => github.close());

const post = (body: string) => upsertComment(githubClient(target), target, body, COMMENT_MARKER);
const first = `${COMMENT_MARKER}\n### Environment diff\nfirst\n`;
const second = `${COMMENT_MARKER}\n### Environment diff\nsecond\n`;

describe('the sticky comment', () => {
  it('is created the first time', async () => {
    github.comments.push({ id: 1, body: 'LGTM' });
    const result = await post(first);
    expect(result).toEqual({ action: 'created', id: 1000, url: 'https://github.example/acme/platform-gitops/pull/7#issuecomment-1000' });
    expect(github.requests).toEqual([
      { method: 'GET', url: `${LIST}?per_page=100`, authorization: `token ${TOKEN}`, body: undefined },
      { method: 'POST', url: LIST, authorization: `token ${TOKEN}`, body: { body: first } },
    ]);
  });

  it('is updated in place afterwards, found by its marker on a later page of comments', async () => {
    for (let id = 1; id <= 150; id++) github.comments.push({ id, body: `review comment ${id}` });
    github.comments.push({ id: 151, body: `> quoting ${COMMENT_MARKER}` }, { id: 152, body: first });
    const result = await post(second);
    expect(result).toEqual({ action: 'updated', id: 152, url: 'https://github.example/acme/platform-gitops/pull/7#issuecomment-152' });
    expect(github.requests.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'GET', url: `${LIST}?per_page=100`, body: undefined },
      { method: 'GET', url: `${LIST}?per_page=100&page=2`, body: undefined },
      { method: 'PATCH', url: '/repos/acme/platform-gitops/issues/comments/152', body: { body: second } },
    ]);
    expect(github.comments.find((c) => c.id === 152)!.body).toBe(second);
  });

  it('is left alone when nothing changed, so nobody is notified', async () => {
    github.comments.push({ id: 5, body: first });
    expect(await post(first)).toEqual({ action: 'unchanged', id: 5, url: 'https://github.example/acme/platform-gitops/pull/7#issuecomment-5' });
    expect(github.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('gets its marker when a prepared body lacks it', async () => {
    await post('### Prepared elsewhere\n');
    expect(github.requests[1]!.body).toEqual({ body: `${COMMENT_MARKER}\n### Prepared elsewhere\n` });
  });

  it('turns API failures into one line without the token', async () => {
    github.failWith = { status: 403, message: 'Resource not accessible by integration' };
    const failure = await post(first).catch((error: unknown) => error);
    expect(failure).toEqual(
      new UsageError(
        `GitHub API: GET ${LIST} failed with 403: Resource not accessible by integration - https://docs.github.com/rest ` +
          '(the token needs pull-requests: write or issues: write; pull requests from forks get a read-only token)',
      ),
    );
    expect(String((failure as Error).message)).not.toContain(TOKEN);
  });

  it('refuses bodies over GitHub’s limit before calling the API', async () => {
    await expect(post(`${COMMENT_MARKER}\n${'x'.repeat(70_000)}`)).rejects.toThrow(/GitHub accepts at most 65536/);
    expect(github.requests).toEqual([]);
  });
});
