/**
 * Which Atlantis projects will plan: the head revision's atlantis.yaml (repo config version 3) read
 * the way Atlantis reads it, each project's `autoplan.when_modified` evaluated against every file
 * the pull request changes with Atlantis's own matching (generators/atlantis/when-modified.ts), and
 * projects whose `dir` no longer exists skipped, as Atlantis skips them.
 */
import { parse } from 'yaml';
import { compilePatterns, matchesOrParentMatches, repoRelativePatterns } from '../../../generators/atlantis/when-modified.js';
import { ATLANTIS_CONFIG_PATH } from './layout.js';
import type { AtlantisProject } from './types.js';

/** Atlantis's default when a project sets no `when_modified`. */
export const DEFAULT_WHEN_MODIFIED = ['**/*.tf*', '**/terragrunt.hcl', '**/.terraform.lock.hcl'];

export interface AtlantisConfigProject {
  name: string;
  dir: string;
  workspace: string;
  autoplan: boolean;
  whenModified: string[];
  dependsOn: string[];
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function parseAtlantisConfig(path: string, text: string): { projects: AtlantisConfigProject[]; problems: string[] } {
  let config: Json;
  try {
    config = record(parse(text));
  } catch (error) {
    return { projects: [], problems: [`${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const problems = config.version === 3 ? [] : [`${path}: version: expected 3, got ${JSON.stringify(config.version ?? null)}`];
  const projects: AtlantisConfigProject[] = [];
  (Array.isArray(config.projects) ? config.projects : []).forEach((raw, index) => {
    const project = record(raw);
    if (typeof project.dir !== 'string') return void problems.push(`${path}: projects[${index}].dir: expected a folder`);
    const workspace = typeof project.workspace === 'string' ? project.workspace : 'default';
    const autoplan = record(project.autoplan);
    projects.push({
      name: typeof project.name === 'string' ? project.name : `${project.dir} (${workspace})`,
      dir: project.dir,
      workspace,
      autoplan: autoplan.enabled !== false,
      whenModified: Array.isArray(autoplan.when_modified) ? strings(autoplan.when_modified) : DEFAULT_WHEN_MODIFIED,
      dependsOn: strings(project.depends_on),
    });
  });
  return { projects, problems };
}

/** Projects whose watched files changed, in atlantis.yaml order (the order Atlantis plans in), with the files that triggered them. */
export function projectsToPlan(
  projects: AtlantisConfigProject[],
  changedFiles: readonly string[],
  dirExists: (dir: string) => boolean,
): { planned: AtlantisProject[]; problems: string[] } {
  const planned: AtlantisProject[] = [];
  const problems: string[] = [];
  for (const project of projects) {
    let patterns: ReturnType<typeof compilePatterns>;
    try {
      patterns = compilePatterns(repoRelativePatterns(project.dir, project.whenModified));
    } catch (error) {
      problems.push(`${ATLANTIS_CONFIG_PATH}: project ${project.name}: autoplan.when_modified: ${(error as Error).message}`);
      continue;
    }
    const modifiedFiles = changedFiles.filter((file) => matchesOrParentMatches(patterns, file));
    if (modifiedFiles.length === 0 || !dirExists(project.dir)) continue;
    const { name, dir, workspace, autoplan, dependsOn } = project;
    planned.push({ name, dir, workspace, autoplan, dependsOn, modifiedFiles });
  }
  return { planned, problems };
}
