/** Invariants over the generated atlantis.yaml against the whole synthesized repository. */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { AtlantisRepoConfig } from '../../generators/atlantis/config.js';
import { ATLANTIS_CONFIG_PATH } from '../../generators/atlantis/generator.js';
import { atlantisRepoConfigSchema } from '../../generators/atlantis/schema.js';
import { plannedProjects, projectMatches } from '../../generators/atlantis/when-modified.js';
import { topologicalLevels } from '../../generators/graph.js';
import { naming, TERRAFORM_STACKS } from '../../generators/naming.js';
import { repositoryOutput } from '../support/repository-output.js';
import { documentsOf } from '../support/synth.js';

const { model, files } = await repositoryOutput();
const config = documentsOf(files.find((f) => f.path === ATLANTIS_CONFIG_PATH)!)[0] as AtlantisRepoConfig;
const projects = config.projects;
const paths = files.map((f) => f.path);

/** Folders holding Terraform output: generated/terraform/<env>/<stack>. */
const stackFolders = [...new Set(paths.filter((p) => p.startsWith('generated/terraform/')).map((p) => p.split('/').slice(0, 4).join('/')))];

/** A stack's files: what synth writes into its folder, plus main.tf.json (not yet produced for every stack on every branch) and the lock file. */
const filesOf = (dir: string) => [...new Set([...paths.filter((p) => p.startsWith(`${dir}/`)), `${dir}/main.tf.json`, `${dir}/.terraform.lock.hcl`])];

describe('atlantis.yaml over the whole repository', () => {
  it('validates against the Atlantis schema', () => {
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(atlantisRepoConfigSchema);
    expect(validate(config) ? [] : validate.errors).toEqual([]);
  });

  it('has unique project names and dirs', () => {
    expect(new Set(projects.map((p) => p.name)).size).toBe(projects.length);
    expect(new Set(projects.map((p) => p.dir)).size).toBe(projects.length);
  });

  it('has exactly one project per environment stack, and no other', () => {
    const expected = model.environments.map((e) => e.name).flatMap((env) => TERRAFORM_STACKS.map((s) => naming.terraformDir(env, s.name)));
    expect(projects.map((p) => p.dir).sort()).toEqual([...expected].sort());
  });

  it('covers every stack folder with exactly one project', () => {
    expect(stackFolders.length).toBeGreaterThan(0);
    for (const folder of stackFolders) expect(projects.filter((p) => p.dir === folder).map((p) => p.name), folder).toHaveLength(1);
  });

  it('has depends_on that resolves within the same environment and is acyclic', () => {
    const names = new Set(projects.map((p) => p.name));
    for (const project of projects) {
      for (const dep of project.depends_on) {
        expect(names.has(dep), `${project.name} → ${dep}`).toBe(true);
        expect(dep.split('-')[0]).toBe(project.name.split('-')[0]);
      }
    }
    const levels = topologicalLevels(projects.map((p) => ({ name: p.name, dependsOn: p.depends_on })), 'project');
    for (const project of projects) expect(project.execution_order_group).toBe(levels.get(project.name));
  });

  it("plans each project for its own files and for no other project's", () => {
    for (const project of projects) {
      for (const file of filesOf(project.dir)) {
        expect(plannedProjects(projects, [file]), file).toEqual([project.name]);
      }
    }
  });

  it('plans nothing for files outside the stack folders', () => {
    const dirs = projects.map((p) => `${p.dir}/`);
    const others = paths.filter((p) => !dirs.some((dir) => p.startsWith(dir)));
    expect(others).toContain(ATLANTIS_CONFIG_PATH);
    for (const file of [...others, ...model.environments.flatMap((e) => [e.file, `generated/kubernetes/${e.name}/baseline/namespaces.yaml`]), 'services/api-gateway/service.ts']) {
      expect(plannedProjects(projects, [file]), file).toEqual([]);
    }
  });

  it('keeps the Terraform files in its custom when_modified list (a custom list replaces the defaults)', () => {
    for (const project of projects) {
      expect(projectMatches(project, [`${project.dir}/main.tf.json`])).toBe(true);
      expect(projectMatches(project, [`${project.dir}/variables.tf`])).toBe(true);
      expect(projectMatches(project, [`${project.dir}/.terraform.lock.hcl`])).toBe(true);
    }
  });
});
