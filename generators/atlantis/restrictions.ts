/**
 * Atlantis's ValidateRepoCfg, for one repository: which atlantis.yaml keys the server-side config
 * lets the repository set. Atlantis rejects a pull request's config with these same messages, so
 * synth refuses to write a pair that disagrees.
 */

/** Project keys that need `allowed_overrides` (from the code, not the docs table). */
export const RESTRICTED_PROJECT_KEYS = [
  'plan_requirements',
  'apply_requirements',
  'import_requirements',
  'workflow',
  'delete_source_branch_on_merge',
  'repo_locking',
  'repo_locks',
  'policy_check',
  'custom_policy_check',
  'silence_pr_comments',
] as const;

export interface ServerRepoPolicy {
  allowed_overrides?: readonly string[];
  allowed_workflows?: readonly string[];
  allow_custom_workflows?: boolean;
}

export interface RepoConfigShape {
  workflows?: Record<string, unknown>;
  projects?: readonly object[];
}

export function restrictionProblems(repoConfig: RepoConfigShape, server: ServerRepoPolicy, serverWorkflows: readonly string[]): string[] {
  const problems: string[] = [];
  const allowed = new Set(server.allowed_overrides ?? []);
  if (repoConfig.workflows && Object.keys(repoConfig.workflows).length > 0 && !server.allow_custom_workflows) {
    problems.push("repo config not allowed to define custom workflows: server-side config needs 'allow_custom_workflows: true'");
  }
  for (const project of (repoConfig.projects ?? []) as readonly Record<string, unknown>[]) {
    const label = String(project.name ?? project.dir);
    for (const key of RESTRICTED_PROJECT_KEYS) {
      if (project[key] !== undefined && !allowed.has(key)) {
        problems.push(`${label}: repo config not allowed to set '${key}' key: server-side config needs 'allowed_overrides: [${key}]'`);
      }
    }
    const workflow = project.workflow;
    if (typeof workflow === 'string' && workflow !== 'default') {
      const defined = serverWorkflows.includes(workflow) || Object.keys(repoConfig.workflows ?? {}).includes(workflow);
      if (!defined) problems.push(`${label}: workflow '${workflow}' is not defined`);
      else if (server.allowed_workflows && !server.allowed_workflows.includes(workflow)) {
        problems.push(`${label}: workflow '${workflow}' is not allowed for this repo`);
      }
    }
  }
  return problems;
}
