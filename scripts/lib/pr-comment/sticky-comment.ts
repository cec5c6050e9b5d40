/**
 * One comment per pull request, updated in place: the earlier comment is the first whose body starts
 * with a hidden HTML marker (all pages of the PR's comments are searched), edited when its body
 * differs, left alone when identical (no notification, no API write), created when there is none.
 */
import { Octokit } from '@octokit/rest';
import { UsageError } from '../cli.js';
import type { GitHubTarget } from './github-target.js';

export type CommentAction = 'created' | 'updated' | 'unchanged';

export interface CommentResult {
  action: CommentAction;
  id: number;
  url: string;
}

/** GitHub's limit on a comment body, in characters. */
export const COMMENT_LIMIT = 65_536;

export function githubClient(target: GitHubTarget): Octokit {
  const quiet = () => {};
  return new Octokit({
    auth: target.token,
    baseUrl: target.apiUrl,
    userAgent: 'platform-gitops-pr-comment',
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
}

interface HttpError {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
}

const isHttpError = (error: unknown): error is HttpError =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'HttpError' && typeof (error as { status?: unknown }).status === 'number';

/** One line naming the call and GitHub's answer; the request's headers (the token) are never included. */
function describeFailure(error: HttpError): string {
  const url = error.request?.url ? new URL(error.request.url).pathname : '';
  const hint =
    error.status === 401
      ? ' (the token is invalid or expired)'
      : error.status === 403 || error.status === 404
        ? ' (the token needs pull-requests: write or issues: write; pull requests from forks get a read-only token)'
        : '';
  return `GitHub API: ${error.request?.method ?? ''} ${url} failed with ${error.status}: ${error.message.split('\n')[0]}${hint}`;
}

/** The body with the marker as its first line (added when a prepared body lacks it). */
export function withMarker(body: string, marker: string): string {
  return body.startsWith(marker) ? body : `${marker}\n${body}`;
}

export async function upsertComment(octokit: Octokit, target: GitHubTarget, markedBody: string, marker: string): Promise<CommentResult> {
  const body = withMarker(markedBody, marker);
  if (body.length > COMMENT_LIMIT) throw new UsageError(`the comment is ${body.length} characters; GitHub accepts at most ${COMMENT_LIMIT}`);
  const where = { owner: target.owner, repo: target.repo };
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: target.pullNumber, per_page: 100 });
    const existing = comments.find((comment) => comment.body?.startsWith(marker));
    if (existing && existing.body === body) return { action: 'unchanged', id: existing.id, url: existing.html_url };
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({ ...where, comment_id: existing.id, body });
      return { action: 'updated', id: data.id, url: data.html_url };
    }
    const { data } = await octokit.rest.issues.createComment({ ...where, issue_number: target.pullNumber, body });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (error) {
    if (isHttpError(error)) throw new UsageError(describeFailure(error));
    throw error;
  }
}
