/** The hand-written repository automation agrees with the code: CI workflow and Renovate config. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { chartVersions, imageTags, nodeImages, tools } from '../../environments/versions.js';
import { repositoryOutput } from '../support/repository-output.js';

/** The tools Renovate updates (awsProvider moves with @cdktf/provider-aws instead). */
const TOOLS_RENOVATE_UPDATES = ['node', 'terraform'];

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions: Record<string, string>;
  steps: Step[];
}

describe('CI workflow', () => {
  const text = read('.github/workflows/ci.yml');
  const workflow = parse(text) as { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, Job> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

  it('runs on pull requests and on pushes to main, with no default token permissions', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({});
  });

  it('pins every action by full commit SHA with its version in a comment', () => {
    const uses = text.split('\n').filter((line) => /^\s*-?\s*uses:/.test(line));
    expect(uses.length).toBe(steps.filter((s) => s.uses).length);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('installs pnpm from packageManager and Terraform at the version pinned in versions.ts', () => {
    for (const step of steps.filter((s) => s.uses?.startsWith('pnpm/action-setup@'))) expect(step.with?.version).toBeUndefined();
    const terraform = steps.find((s) => s.uses?.startsWith('hashicorp/setup-terraform@'))!;
    expect(terraform.with?.terraform_version).toBe('${{ steps.versions.outputs.terraform }}');
    expect(steps.find((s) => (s as { id?: string }).id === 'versions')?.run).toContain('tool-version.ts terraform');
  });

  it('runs Node.js from .node-version, which names the release line tools.node pins', () => {
    const setups = steps.filter((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setups.length).toBe(Object.keys(workflow.jobs).length);
    for (const step of setups) {
      expect(step.with?.['node-version-file']).toBe('.node-version');
      expect(step.with?.['node-version']).toBeUndefined();
    }
    expect(read('.node-version').trim()).toBe(tools.node);
  });

  it('checks install, type-check, synth --check, policies and tests (which validate Terraform)', () => {
    const checks = runs(workflow.jobs.checks!);
    for (const command of ['pnpm install --frozen-lockfile', 'pnpm typecheck', 'pnpm synth --check', 'pnpm policies', 'pnpm test']) expect(checks).toContain(command);
    expect(workflow.jobs.checks!.permissions).toEqual({ contents: 'read' });
  });

  it('posts the environment diff on pull requests only, with write access to pull requests only', () => {
    const diff = workflow.jobs['env-diff']!;
    expect(diff.if).toContain("github.event_name == 'pull_request'");
    expect(diff.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const comment = diff.steps.find((s) => s.run?.startsWith('pnpm pr-comment'))!;
    expect(comment.run).toBe('pnpm pr-comment --base "origin/${BASE_REF}"');
    expect(comment.env).toEqual({ BASE_REF: '${{ github.base_ref }}', GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
    expect(diff.steps[0]!.with?.['fetch-depth']).toBe(0);
  });
});

describe('Renovate config', () => {
  const config = JSON.parse(read('renovate.json')) as {
    automerge: boolean;
    postUpgradeTasks: { commands: string[]; fileFilters: string[] };
    customManagers: { managerFilePatterns: string[]; matchStrings: string[] }[];
    packageRules: { groupName?: string; matchPackageNames?: string[]; automerge?: boolean; matchDepTypes?: string[] }[];
  };

  it('updates every annotated pin in environments/versions.ts and reads its current value correctly', () => {
    const [manager] = config.customManagers;
    expect(manager!.managerFilePatterns).toEqual(['/^environments/versions\\.ts$/']);
    const regex = new RegExp(manager!.matchStrings[0]!);
    const annotated = read('environments/versions.ts').split('\n').filter((line) => line.includes('// renovate:'));
    const pinned: Record<string, string> = { ...chartVersions, ...imageTags, ...nodeImages, ...tools };
    expect(annotated.length).toBe(Object.keys(chartVersions).length + Object.keys(imageTags).length + Object.keys(nodeImages).length + TOOLS_RENOVATE_UPDATES.length);
    for (const line of annotated) {
      const groups = regex.exec(line)?.groups;
      expect(groups, line).toBeDefined();
      const key = line.trim().split(':')[0]!.replace(/['"]/g, '');
      expect(groups!.currentValue, line).toBe(pinned[key]);
      expect(groups!.datasource).toMatch(/^(helm|docker|github-releases|github-tags|node-version)$/);
      expect(groups!.depName).not.toBe('');
    }
    const terraform = regex.exec(annotated.find((l) => l.includes('hashicorp/terraform'))!)!.groups!;
    expect(terraform).toMatchObject({ currentValue: tools.terraform, datasource: 'github-releases', extractVersion: '^v(?<version>.+)$' });
  });

  it('groups cdk8s and cdktf packages', () => {
    const group = (name: string) => config.packageRules.find((r) => r.groupName === name)?.matchPackageNames;
    expect(group('cdk8s')).toEqual(['cdk8s', 'cdk8s-plus-*']);
    expect(group('cdktf')).toEqual(['cdktf', 'cdktf-cli', '@cdktf/**']);
  });

  it('regenerates the output after every update, and commits every file synth can produce', async () => {
    expect(config.postUpgradeTasks.commands).toEqual(['pnpm install', 'pnpm synth']);
    const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`);
    const filters = config.postUpgradeTasks.fileFilters.map(glob);
    for (const file of (await repositoryOutput()).files) expect(filters.some((f) => f.test(file.path)), file.path).toBe(true);
  });

  it('never automerges by default; only test and type tooling may', () => {
    expect(config.automerge).toBe(false);
    const automerging = config.packageRules.filter((r) => r.automerge);
    expect(automerging).toEqual([expect.objectContaining({ matchDepTypes: ['devDependencies'], matchPackageNames: ['vitest', '@types/node'] })]);
  });
});
