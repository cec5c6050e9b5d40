/**
 * Shared command-line handling of `pnpm env-diff` and `pnpm pr-comment --base`: options, which
 * staleness check applies, and output formats. For the working tree of this very repository the
 * synth planner runs in process (authoritative); otherwise the manifest check applies.
 */
import { realpathSync } from 'node:fs';
import { platform } from '../../../environments/platform.js';
import { UsageError } from '../cli.js';
import { computeEnvDiff } from './compute.js';
import { GitError, repositoryRoot } from './git.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { PlatformModel } from '../../../generators/model/types.js';
import type { Revision } from './revisions.js';
import { manifestConsistency } from './stale-output.js';
import type { EnvDiff, PolicyExceptionInForce, Staleness } from './types.js';

export const DIFF_OPTIONS = {
  base: { type: 'string' },
  head: { type: 'string' },
} as const;

export const FORMATS = ['markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string | undefined): Format {
  const format = value ?? 'markdown';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected ${FORMATS.join(' or ')}, got "${format}"`);
  return format as Format;
}

export interface DiffRequest {
  base?: string | undefined;
  head?: string | undefined;
  /** Where the command runs; the repository is the one containing it. */
  cwd: string;
  /** Root of this toolchain's repository (where environments/ and generators/ live). */
  toolRoot: string;
  clock?: () => number;
}

/** Whether head is this toolchain's own working tree, whose TypeScript sources can be loaded in process. */
function headIsThisWorkingTree(root: string, request: DiffRequest): boolean {
  return request.head === undefined && realpathSync(root) === realpathSync(request.toolRoot);
}

/**
 * The working tree's model, loaded and validated once for both the staleness check and the
 * exceptions in force (the same call, so the same result or the same ConfigError).
 */
async function workingTreeModel(): Promise<() => PlatformModel> {
  const { loadRepositoryModel } = await import('../platform.js');
  let loaded: { model: PlatformModel } | { error: unknown } | undefined;
  return () => {
    if (loaded === undefined) {
      try {
        loaded = { model: loadRepositoryModel() };
      } catch (error) {
        loaded = { error };
      }
    }
    if ('error' in loaded) throw loaded.error;
    return loaded.model;
  };
}

async function stalenessCheck(root: string, request: DiffRequest, load: () => PlatformModel): Promise<(head: Revision) => Staleness> {
  if (!headIsThisWorkingTree(root, request)) return manifestConsistency;
  const { synthStaleness } = await import('./synth-staleness.js');
  return () => synthStaleness(root, load);
}

async function policyExceptionsAtHead(root: string, request: DiffRequest, load: () => PlatformModel): Promise<(() => PolicyExceptionInForce[]) | undefined> {
  if (!headIsThisWorkingTree(root, request)) return undefined;
  const { workingTreeExceptions } = await import('./policy-exceptions.js');
  return () => workingTreeExceptions(undefined, load);
}

/**
 * Section order: this working tree's environments in promotion order (its sources are loaded anyway
 * for the staleness check); for another head, none known, so the environments the changed paths
 * name are listed by name.
 */
async function environmentsInOrder(root: string, request: DiffRequest): Promise<string[]> {
  if (!headIsThisWorkingTree(root, request)) return [];
  const { repositoryEnvironmentNames } = await import('../platform.js');
  return repositoryEnvironmentNames();
}

export async function diffForCommand(request: DiffRequest): Promise<EnvDiff> {
  try {
    const root = repositoryRoot(request.cwd);
    // Only the working tree's sources are loaded, and only when head is that working tree.
    const load = headIsThisWorkingTree(root, request) ? await workingTreeModel() : () => { throw new Error('no model for a git revision'); };
    return computeEnvDiff({
      root,
      base: request.base,
      head: request.head,
      defaultBranch: platform.defaultBranch,
      environments: await environmentsInOrder(root, request),
      staleness: await stalenessCheck(root, request, load),
      ...(await policyExceptionsAtHead(root, request, load).then((read) => (read ? { policyExceptions: read } : {}))),
      ...(request.clock ? { clock: request.clock } : {}),
    });
  } catch (error) {
    // Git's own one-line message (bad object, corrupt repository) is more useful than a stack trace.
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
}

export function render(diff: EnvDiff, format: Format): string {
  return format === 'json' ? renderJson(diff) : renderMarkdown(diff);
}
