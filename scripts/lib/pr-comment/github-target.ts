/**
 * Which pull request to comment on, and with what credentials: flags first, then the GitHub Actions
 * environment (GITHUB_REPOSITORY, the event payload at GITHUB_EVENT_PATH, GITHUB_TOKEN,
 * GITHUB_API_URL). Missing pieces are one-line usage errors; the token is never echoed.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../cli.js';

export interface GitHubTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  token: string;
  apiUrl: string;
}

export interface TargetFlags {
  repo?: string | undefined;
  pr?: string | undefined;
  apiUrl?: string | undefined;
  /** Name of the environment variable holding the token (default GITHUB_TOKEN, then GH_TOKEN). */
  tokenEnv?: string | undefined;
}

export const DEFAULT_API_URL = 'https://api.github.com';

function repository(value: string | undefined): { owner: string; repo: string } {
  if (!value) throw new UsageError('no repository: pass --repo <owner/name> or set GITHUB_REPOSITORY');
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value);
  if (!match) throw new UsageError(`--repo: expected owner/name, got "${value}"`);
  return { owner: match[1]!, repo: match[2]! };
}

function pullNumberFromEvent(eventPath: string | undefined): number | undefined {
  if (!eventPath) return undefined;
  let event: { pull_request?: { number?: unknown }; issue?: { number?: unknown; pull_request?: unknown }; number?: unknown };
  try {
    event = JSON.parse(readFileSync(eventPath, 'utf8')) as typeof event;
  } catch (error) {
    throw new UsageError(`GITHUB_EVENT_PATH: cannot read the event payload at ${eventPath}: ${(error as Error).message.split('\n')[0]}`);
  }
  // pull_request / pull_request_target events carry pull_request; issue_comment events on a PR carry issue.pull_request.
  const candidate = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
  return typeof candidate === 'number' ? candidate : undefined;
}

function pullNumber(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  if (flag !== undefined) {
    if (!/^[1-9]\d*$/.test(flag)) throw new UsageError(`--pr: expected a pull request number, got "${flag}"`);
    return Number(flag);
  }
  const fromEvent = pullNumberFromEvent(env.GITHUB_EVENT_PATH);
  if (fromEvent === undefined) throw new UsageError('no pull request: pass --pr <number> or run on a pull_request event (GITHUB_EVENT_PATH has no pull_request.number)');
  return fromEvent;
}

function token(flags: TargetFlags, env: NodeJS.ProcessEnv): string {
  const names = flags.tokenEnv ? [flags.tokenEnv] : ['GITHUB_TOKEN', 'GH_TOKEN'];
  const value = names.map((name) => env[name]).find((v) => v !== undefined && v.trim() !== '');
  if (!value) throw new UsageError(`no GitHub token: set ${names.join(' or ')} (in GitHub Actions: env: GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }})`);
  return value.trim();
}

export function resolveTarget(flags: TargetFlags, env: NodeJS.ProcessEnv): GitHubTarget {
  const { owner, repo } = repository(flags.repo ?? env.GITHUB_REPOSITORY);
  const apiUrl = (flags.apiUrl ?? env.GITHUB_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(apiUrl)) throw new UsageError(`--api-url: expected an http(s) URL, got "${apiUrl}"`);
  return { owner, repo, pullNumber: pullNumber(flags.pr, env), token: token(flags, env), apiUrl };
}
