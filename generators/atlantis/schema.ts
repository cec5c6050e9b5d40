/**
 * JSON Schemas for Atlantis's two configuration files. Atlantis publishes none (runatlantis/atlantis
 * #5718), so these are written from its parser: the raw structs in server/core/config/raw
 * (repo_cfg.go, project.go, autoplan.go, workflow.go, stage.go, step.go, repo_locks.go,
 * autodiscover.go, global_cfg.go) plus the rules that live in their Validate() code: version 2 or 3,
 * requirement values, `/regex/` branches, no `..` in dir, workspace characters, URL-safe names, no
 * name with a glob dir. Atlantis parses strictly, so unknown keys are errors here too.
 * Restricted keys (which need the server's allowed_overrides) are checked by restrictions.ts.
 */
const strings = { type: 'array', items: { type: 'string' } } as const;
const requirements = { type: 'array', items: { type: 'string', enum: ['approved', 'mergeable', 'undiverged'] } } as const;
const slashRegex = { type: 'string', pattern: '^/.*/$' } as const;
const BUILTIN_STEPS = ['init', 'plan', 'apply', 'show', 'policy_check', 'import', 'state_rm'];
const RUN_OUTPUT = ['show', 'hide', 'strip_refreshing', 'filter_regex', 'strip_refreshing_with_custom_regex', 'custom_regex'];
const shellArgs = { anyOf: [{ type: 'string' }, strings] } as const;

const definitions = {
  repoLocks: {
    type: 'object',
    additionalProperties: false,
    properties: { mode: { type: 'string', enum: ['disabled', 'on_plan', 'on_apply'] } },
  },
  autodiscover: {
    type: 'object',
    additionalProperties: false,
    properties: {
      mode: { type: 'string', enum: ['auto', 'enabled', 'disabled'] },
      ignore_paths: { type: 'array', items: { type: 'string', pattern: '^[^/]' } },
    },
  },
  silencePrComments: { type: 'array', items: { type: 'string', enum: ['plan', 'apply'] } },
  step: {
    oneOf: [
      { type: 'string', enum: BUILTIN_STEPS },
      // A built-in step with extra arguments: `- plan: {extra_args: [...]}`.
      {
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        propertyNames: { enum: BUILTIN_STEPS },
        additionalProperties: { type: 'object', additionalProperties: false, properties: { extra_args: strings } },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['run'],
        properties: {
          run: {
            oneOf: [
              { type: 'string' },
              {
                type: 'object',
                additionalProperties: false,
                required: ['command'],
                properties: {
                  command: { type: 'string' },
                  output: { type: 'string', enum: RUN_OUTPUT },
                  regex_filter: { type: 'string' },
                  shell: { type: 'string' },
                  shellArgs,
                },
              },
            ],
          },
        },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['env'],
        properties: {
          env: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            oneOf: [
              { required: ['command'], properties: { command: { type: 'string' } } },
              { required: ['value'], properties: { value: { type: 'string' } } },
            ],
            properties: { name: { type: 'string' }, command: { type: 'string' }, value: { type: 'string' }, shell: { type: 'string' }, shellArgs },
          },
        },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['multienv'],
        properties: {
          multienv: {
            oneOf: [
              { type: 'string' },
              {
                type: 'object',
                additionalProperties: false,
                required: ['command'],
                properties: { command: { type: 'string' }, output: { type: 'string', enum: RUN_OUTPUT }, shell: { type: 'string' }, shellArgs },
              },
            ],
          },
        },
      },
    ],
  },
  stage: {
    type: 'object',
    additionalProperties: false,
    properties: { steps: { type: 'array', items: { $ref: '#/definitions/step' } } },
  },
  workflow: {
    type: 'object',
    additionalProperties: false,
    properties: {
      plan: { $ref: '#/definitions/stage' },
      apply: { $ref: '#/definitions/stage' },
      policy_check: { $ref: '#/definitions/stage' },
      import: { $ref: '#/definitions/stage' },
      state_rm: { $ref: '#/definitions/stage' },
    },
  },
  project: {
    type: 'object',
    additionalProperties: false,
    required: ['dir'],
    properties: {
      // URL-safe (what url.QueryEscape leaves alone) plus '/'; no glob characters.
      name: { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9._~/-]+$' },
      branch: slashRegex,
      dir: { type: 'string', minLength: 1, not: { type: 'string', pattern: '\\.\\.' } },
      workspace: { type: 'string', pattern: '^[^/\\\\$\\s]*$', not: { type: 'string', pattern: '\\.\\.' } },
      workflow: { type: 'string', minLength: 1 },
      terraform_distribution: { type: 'string', enum: ['terraform', 'opentofu'] },
      // hashicorp/go-version: a version, not a constraint.
      terraform_version: { type: 'string', pattern: '^v?[0-9]+(\\.[0-9]+)*(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$' },
      autoplan: {
        type: 'object',
        additionalProperties: false,
        properties: { when_modified: strings, enabled: { type: 'boolean' } },
      },
      plan_requirements: requirements,
      apply_requirements: requirements,
      import_requirements: requirements,
      depends_on: strings,
      delete_source_branch_on_merge: { type: 'boolean' },
      repo_locking: { type: 'boolean' },
      repo_locks: { $ref: '#/definitions/repoLocks' },
      execution_order_group: { type: 'integer' },
      policy_check: { type: 'boolean' },
      custom_policy_check: { type: 'boolean' },
      silence_pr_comments: { $ref: '#/definitions/silencePrComments' },
    },
    // A glob dir expands into several projects, which cannot share one name.
    if: { required: ['dir'], properties: { dir: { type: 'string', pattern: '[*?[]' } } },
    then: { properties: { name: false } },
  },
} as const;

/** The repository-level atlantis.yaml (raw.RepoCfg). */
export const atlantisRepoConfigSchema = {
  $id: 'https://platform.acme.example/schemas/atlantis-repo-config.json',
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: { type: 'integer', enum: [2, 3] },
    projects: { type: 'array', items: { $ref: '#/definitions/project' } },
    workflows: { type: 'object', additionalProperties: { $ref: '#/definitions/workflow' } },
    policies: { type: 'object' },
    autodiscover: { $ref: '#/definitions/autodiscover' },
    automerge: { type: 'boolean' },
    parallel_apply: { type: 'boolean' },
    parallel_plan: { type: 'boolean' },
    delete_source_branch_on_merge: { type: 'boolean' },
    emoji_reaction: { type: 'string' },
    allowed_regexp_prefixes: strings,
    abort_on_execution_order_fail: { type: 'boolean' },
    repo_locks: { $ref: '#/definitions/repoLocks' },
    silence_pr_comments: { $ref: '#/definitions/silencePrComments' },
  },
  definitions,
} as const;

const hook = {
  type: 'object',
  additionalProperties: false,
  required: ['run'],
  properties: { run: { type: 'string' }, description: { type: 'string' }, shell: { type: 'string' }, shellArgs, commands: { type: 'string' } },
} as const;

/** The server-side repo config, repos.yaml (raw.GlobalCfg). */
export const atlantisServerConfigSchema = {
  $id: 'https://platform.acme.example/schemas/atlantis-server-config.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    repos: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id: { type: 'string', minLength: 1 },
          branch: slashRegex,
          repo_config_file: { type: 'string', not: { type: 'string', pattern: '(^/|\\.\\./)' } },
          workflow: { type: 'string' },
          plan_requirements: requirements,
          apply_requirements: requirements,
          import_requirements: requirements,
          allowed_overrides: {
            type: 'array',
            items: {
              type: 'string',
              enum: [
                'plan_requirements', 'apply_requirements', 'import_requirements', 'workflow', 'delete_source_branch_on_merge',
                'repo_locking', 'repo_locks', 'policy_check', 'custom_policy_check', 'silence_pr_comments',
              ],
            },
          },
          allowed_workflows: strings,
          allow_custom_workflows: { type: 'boolean' },
          pre_workflow_hooks: { type: 'array', items: hook },
          post_workflow_hooks: { type: 'array', items: hook },
          policy_check: { type: 'boolean' },
          custom_policy_check: { type: 'boolean' },
          delete_source_branch_on_merge: { type: 'boolean' },
          repo_locking: { type: 'boolean' },
          repo_locks: { $ref: '#/definitions/repoLocks' },
          autodiscover: { $ref: '#/definitions/autodiscover' },
          silence_pr_comments: { $ref: '#/definitions/silencePrComments' },
        },
      },
    },
    workflows: { type: 'object', additionalProperties: { $ref: '#/definitions/workflow' } },
    policies: { type: 'object' },
    metrics: { type: 'object' },
    team_authz: { type: 'object' },
  },
  definitions,
} as const;
