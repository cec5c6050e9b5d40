/**
 * The repository-level atlantis.yaml: one project per (environment, Terraform stack), named
 * `<env>-<stack>`, planning only when that stack's own files change, applying only after its
 * upstream stacks (`depends_on` from TERRAFORM_STACKS).
 */
import { platform } from '../../environments/platform.js';

import type { Tier } from '../../environments/types.js';
import { tools } from '../../environments/versions.js';
import type { PlatformModel } from '../model/types.js';
import { naming, TERRAFORM_STACKS, type StackName } from '../naming.js';
import { topologicalLevels } from '../graph.js';
import { branchRegex, projectRequirements, type ProjectRequirements } from './policy.js';

/**
 * Relative to the project's dir. A custom list replaces Atlantis's defaults (`**\/*.tf*`, …), so
 * it names the Terraform files itself: `*.tf*` covers main.tf.json; no `**`, so a stack never
 * matches files in other folders.
 */
export const WHEN_MODIFIED = ['*.tf*', '.terraform.lock.hcl'] as const;

export interface AtlantisProject extends ProjectRequirements {
  name: string;
  dir: string;
  workspace: string;
  branch: string;
  terraform_version: string;
  autoplan: { enabled: boolean; when_modified: string[] };
  depends_on: string[];
  execution_order_group: number;
}

export interface AtlantisRepoConfig {
  version: 3;
  automerge: boolean;
  abort_on_execution_order_fail: boolean;
  autodiscover: { mode: 'disabled' };
  projects: AtlantisProject[];
}

const STACK_LEVELS = topologicalLevels(TERRAFORM_STACKS, 'stack');

export function atlantisProject(environment: { name: string; tier: Tier }, stack: StackName): AtlantisProject {
  const env = environment.name;
  const definition = TERRAFORM_STACKS.find((s) => s.name === stack)!;
  return {
    name: naming.atlantisProject(env, stack),
    dir: naming.terraformDir(env, stack),
    workspace: 'default',
    branch: branchRegex(platform.defaultBranch),
    terraform_version: tools.terraform,
    autoplan: { enabled: true, when_modified: [...WHEN_MODIFIED] },
    depends_on: definition.dependsOn.map((upstream) => naming.atlantisProject(env, upstream)),
    // Whole-PR `atlantis apply` runs upstream stacks first; single applies rely on depends_on.
    execution_order_group: STACK_LEVELS.get(stack)!,
    ...projectRequirements(environment.tier),
  };
}

export function atlantisConfig(model: PlatformModel): AtlantisRepoConfig {
  return {
    version: 3,
    automerge: false,
    abort_on_execution_order_fail: true,
    // Only the listed projects are ever planned, whatever the server's default.
    autodiscover: { mode: 'disabled' },
    projects: model.environments.flatMap((env) => TERRAFORM_STACKS.map((stack) => atlantisProject(env, stack.name))),
  };
}
