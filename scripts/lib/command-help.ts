/** `--help` of every command: usage, flags (the only ones each accepts) and examples. */
import type { CommandHelp } from './cli.js';

export const SYNTH_HELP: CommandHelp = {
  command: 'pnpm synth',
  summary: [
    'Loads environments/ and services/, generates every Terraform, Kubernetes, Argo CD and Atlantis file in',
    'memory, checks the policies, then writes what changed under generated/, argocd/, atlantis.yaml and',
    '.github/CODEOWNERS (nothing is written if any step fails). Prints one line per phase with its time.',
  ].join('\n'),
  flags: {
    env: { value: '<name>[,<name>]', description: 'only these environments (names of environments/<name>.ts); repository-wide files are always generated' },
    check: { description: 'write nothing; exit 1 listing stale, missing, obsolete and unexpected files (what CI runs)' },
    full: { description: 'with --check: regenerate even when the sources are those of the last clean run (whose record is otherwise compared with the output)' },
  },
  examples: ['pnpm synth', 'pnpm synth --env dev', 'pnpm synth --check'],
};

export const POLICIES_HELP: CommandHelp = {
  command: 'pnpm policies',
  summary: 'Checks the committed output (not a fresh synth) against every policy rule with the environments\' exceptions,\nlists the exceptions in force, and exits 1 on any error.',
  flags: {
    today: { value: 'YYYY-MM-DD', description: 'check as of another day (e.g. which exceptions expire next month); default: today (UTC)' },
    readme: { description: "print the README's rule table instead" },
  },
  examples: ['pnpm policies', 'pnpm policies --today 2027-01-01'],
};

const DIFF_FLAGS = {
  base: { value: '<ref>', description: 'compare against the merge base of <ref> and head; default: origin/main if it exists, else main' },
  head: { value: '<ref>', description: 'a commit to compare; default: the working tree (staged, unstaged and untracked files)' },
};

export const ENV_DIFF_HELP: CommandHelp = {
  command: 'pnpm env-diff',
  summary: 'What a change does to the generated output, per environment: Terraform resources, Kubernetes objects,\nArgo CD applications, with risks called out.',
  flags: { ...DIFF_FLAGS, format: { value: 'markdown|json', description: 'the pull-request comment (default) or JSON for machines' } },
  examples: ['pnpm env-diff', 'pnpm env-diff --base origin/main --head HEAD --format json'],
};

export const PR_COMMENT_HELP: CommandHelp = {
  command: 'pnpm pr-comment',
  summary: [
    "Posts or updates the pull request's one environment-diff comment. Reads GITHUB_REPOSITORY, the PR from",
    'GITHUB_EVENT_PATH, GITHUB_TOKEN (or GH_TOKEN) and GITHUB_API_URL; the flags override them.',
  ].join('\n'),
  flags: {
    ...DIFF_FLAGS,
    'body-file': { value: '<path>', description: 'post this prepared body instead of computing the diff (not with --base/--head)' },
    repo: { value: '<owner/name>', description: 'the repository; default: GITHUB_REPOSITORY' },
    pr: { value: '<number>', description: 'the pull request; default: from the event at GITHUB_EVENT_PATH' },
    'api-url': { value: '<url>', description: 'the GitHub API; default: GITHUB_API_URL or https://api.github.com' },
    'token-env': { value: '<VARIABLE>', description: 'the environment variable holding the token (never the token itself)' },
  },
  examples: ['pnpm pr-comment --base origin/main', 'pnpm pr-comment --body-file comment.md --repo acme/platform-gitops --pr 42'],
};

export const BENCH_HELP: CommandHelp = {
  command: 'pnpm bench',
  summary: 'Times synth (real environments and a scaled fixture, each in its own process, with peak memory),\npnpm typecheck and the environment diff. A benchmark, not a test: it asserts nothing.',
  flags: {
    suite: { description: 'time the whole pnpm test instead (minutes; goal <= 180 s on a quiet 2-core machine)' },
  },
  examples: ['pnpm bench', 'pnpm bench --suite'],
};

export const NEW_ENV_HELP: CommandHelp = {
  command: 'pnpm new-env <name>',
  summary: [
    'Writes environments/<name>.ts, a copy of --from with its own account, region (zones derived from it), VPC CIDR',
    '(a free 10.x.0.0/16 when --cidr is not given; the subnet plan follows from it) and place in the promotion order,',
    'validated exactly as synth validates (nothing is written on any problem), then runs synth. On a terminal it',
    'asks for what the flags do not give; without one (CI) a missing flag is an error. The tooling host stays where it is.',
  ].join('\n'),
  flags: {
    from: { value: '<env>', description: 'the environment to copy (sizes, tier, add-ons, services, exceptions)' },
    account: { value: '<id>', description: "the new environment's 12-digit AWS account id" },
    region: { value: '<region>', description: 'its AWS region; its zones are the first ones of the region, as many as --from has' },
    cidr: { value: '<cidr>', description: 'its VPC CIDR, /16 to /20, overlapping no environment; default: the first free 10.x.0.0/16' },
    after: { value: '<env>', description: 'the environment it promotes from; default: the one --from promotes from (a sibling of --from)' },
  },
  examples: [
    'pnpm new-env qa --from staging --account 444444444444 --region eu-central-1',
    'pnpm new-env prod-us --from prod --account 555555555555 --region us-east-1 --cidr 10.50.0.0/16',
  ],
};

export const NEW_SERVICE_HELP: CommandHelp = {
  command: 'pnpm new-service',
  usage: 'pnpm new-service <name> --team <team> --port <n> [flags]',
  summary: [
    'Writes services/<name>/service.ts (typed, commented, a sensible default for every field), adds the service to',
    "the gateway's dependencies.calls when it serves a route, then runs synth. Invalid input is one line per problem",
    '(as synth reports it) and nothing is written. On a terminal, a missing name, team or port is asked for.',
  ].join('\n'),
  flags: {
    team: { value: '<team>', description: 'owning team: a GitHub team slug without the org (one Argo CD project per team)' },
    port: { value: '<n>', description: 'container port, 1024-65535 (HTTP, probes and /metrics)' },
    route: { value: '/v1/<path>', description: 'a path prefix the API gateway routes to the service (kind api; without: kind worker)' },
    needs: { value: '<need>[,<need>]', description: 'database[:read], cache, topic:<name>[:produce|consume], bucket:<name>[:read|write], secret:<name>' },
    calls: { value: '<service>[,<service>]', description: 'services it calls over HTTP' },
    'dry-run': { description: 'print the file it would write and what else would change; write nothing' },
  },
  examples: ['pnpm new-service report-builder --team reporting --port 8080 --route /v1/reports --needs database,topic:events.processed --calls data-collector'],
};

export const PROMOTE_HELP: CommandHelp = {
  command: 'pnpm promote',
  usage: 'pnpm promote <service…|--all> --to <env> [flags]',
  summary: [
    'Copies image tags (and with --charts the add-on chart versions) from the previous environment of the promotion',
    'order into the sources of --to, runs synth and prints the env-diff summary of what changed.',
  ].join('\n'),
  flags: {
    to: { value: '<env>', description: 'the environment to promote into' },
    all: { description: 'every service' },
    charts: { description: "also the add-on chart versions (environments/<env>.ts addons)" },
    from: { value: '<env>', description: 'promote from this environment instead of the previous one (skipping one needs --force)' },
    force: { description: 'allow --from to skip an environment of the promotion order' },
    'dry-run': { description: 'print what would change; write nothing, run nothing' },
  },
  examples: ['pnpm promote data-collector --to prod', 'pnpm promote --all --charts --to staging --dry-run'],
};
