/**
 * `pnpm pr-comment [--base <ref>] [--head <ref>] | --body-file <path>` with `--repo`, `--pr`,
 * `--api-url`, `--token-env`: computes the environment diff (or takes a prepared body) and posts it
 * as the pull request's one sticky comment. In GitHub Actions the full, uncut report also goes to
 * the job summary, so nothing is lost when the comment has to be cut.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { parseCommandLine, UsageError } from '../cli.js';
import { PR_COMMENT_HELP } from '../command-help.js';
import { DIFF_OPTIONS, diffForCommand } from '../env-diff/command.js';
import { COMMENT_MARKER, renderMarkdown } from '../env-diff/markdown.js';
import { resolveTarget } from './github-target.js';
import { githubClient, upsertComment } from './sticky-comment.js';

/** GitHub's job summary accepts up to 1 MiB per step. */
const JOB_SUMMARY_LIMIT = 1_000_000;

const OPTIONS = {
  ...DIFF_OPTIONS,
  'body-file': { type: 'string' },
  repo: { type: 'string' },
  pr: { type: 'string' },
  'api-url': { type: 'string' },
  'token-env': { type: 'string' },
} as const;

export interface PrCommentContext {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  toolRoot: string;
  log: (line: string) => void;
}

function readBody(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--body-file: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export async function runPrComment(context: PrCommentContext): Promise<number> {
  const { values } = parseCommandLine(context.argv, OPTIONS, PR_COMMENT_HELP);
  const bodyFile = values['body-file'];
  if (bodyFile !== undefined && (values.base !== undefined || values.head !== undefined)) {
    throw new UsageError('--body-file posts a prepared body; it cannot be combined with --base or --head');
  }
  // Resolve the target first: a missing token or PR fails before any work is done.
  const target = resolveTarget({ repo: values.repo, pr: values.pr, apiUrl: values['api-url'], tokenEnv: values['token-env'] }, context.env);
  let body: string;
  if (bodyFile !== undefined) body = readBody(bodyFile);
  else {
    const diff = await diffForCommand({ base: values.base, head: values.head, cwd: context.cwd, toolRoot: context.toolRoot });
    body = renderMarkdown(diff);
    const summary = context.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, renderMarkdown(diff, { maxLength: JOB_SUMMARY_LIMIT }).replace(`${COMMENT_MARKER}\n`, ''));
  }
  const result = await upsertComment(githubClient(target), target, body, COMMENT_MARKER);
  context.log(`pnpm pr-comment: ${result.action} comment ${result.id} on ${target.owner}/${target.repo}#${target.pullNumber}: ${result.url}`);
  return 0;
}
