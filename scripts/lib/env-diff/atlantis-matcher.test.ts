import { describe, expect, it } from 'vitest';
import { DEFAULT_WHEN_MODIFIED, parseAtlantisConfig, projectsToPlan } from './atlantis-matcher.js';
import { patternMatcher, patternsForProject } from './atlantis-patterns.js';

const DIR = 'generated/terraform/dev/network';
const matches = (whenModified: string[], file: string, dir = DIR) => patternMatcher(patternsForProject(dir, whenModified))(file);

describe('when_modified patterns, as Atlantis evaluates them', () => {
  it('joins patterns to the project dir and cleans them like filepath.Join, keeping a leading !', () => {
    expect(patternsForProject(DIR, ['*.tf.json', '!README.md', '../modules/**/*.tf', './x/', ''])).toEqual([
      `${DIR}/*.tf.json`,
      `!${DIR}/README.md`,
      'generated/terraform/dev/modules/**/*.tf',
      `${DIR}/x`,
      DIR,
    ]);
    expect(patternsForProject('.', ['**/*.tf*'])).toEqual(['**/*.tf*']);
  });

  it('lets * and ? stop at folder boundaries and ** cross them', () => {
    expect(matches(['*.tf.json'], `${DIR}/main.tf.json`)).toBe(true);
    expect(matches(['*.tf.json'], `${DIR}/nested/main.tf.json`)).toBe(false);
    expect(matches(['*.tf.json'], 'generated/terraform/dev/data/main.tf.json')).toBe(false);
    expect(matches(['**/*.tf.json'], `${DIR}/nested/deeper/main.tf.json`)).toBe(true);
    expect(matches(['main.tf.jso?'], `${DIR}/main.tf.json`)).toBe(true);
    expect(matches(['?ain.tf.json'], `${DIR}/x/ain.tf.json`)).toBe(false);
  });

  it('treats regular-expression characters literally', () => {
    expect(matches(['main.tf.json'], `${DIR}/mainXtfXjson`)).toBe(false);
    expect(matches(['(a|b).txt'], `${DIR}/(a|b).txt`)).toBe(true);
    expect(matches(['(a|b).txt'], `${DIR}/a.txt`)).toBe(false);
  });

  it('matches files inside a folder the pattern names (MatchesOrParentMatches)', () => {
    expect(matches(['modules'], `${DIR}/modules/vpc/main.tf`)).toBe(true);
    expect(matches(['../../../../environments'], 'environments/dev.ts')).toBe(true);
    expect(matches(['modules'], `${DIR}/modulesX/main.tf`)).toBe(false);
  });

  it('lets later patterns override earlier ones: ! excludes, a later inclusion re-includes', () => {
    const patterns = ['**/*', '!docs/**', 'docs/keep.md'];
    expect(matches(patterns, `${DIR}/main.tf.json`)).toBe(true);
    expect(matches(patterns, `${DIR}/docs/readme.md`)).toBe(false);
    expect(matches(patterns, `${DIR}/docs/keep.md`)).toBe(true);
    expect(matches(['!*.md'], `${DIR}/a.md`)).toBe(false);
  });

  it('applies the default when_modified when a project sets none', () => {
    expect(matches(DEFAULT_WHEN_MODIFIED, `${DIR}/main.tf.json`)).toBe(true);
    expect(matches(DEFAULT_WHEN_MODIFIED, `${DIR}/.terraform.lock.hcl`)).toBe(true);
    expect(matches(DEFAULT_WHEN_MODIFIED, `${DIR}/notes.md`)).toBe(false);
  });
});

describe('projects that will plan', () => {
  const config = `
version: 3
projects:
  - name: dev-network
    dir: generated/terraform/dev/network
    autoplan: { when_modified: ['*.tf.json', '!ignored.tf.json'] }
  - name: dev-data
    dir: generated/terraform/dev/data
    depends_on: [dev-network]
    autoplan: { enabled: false, when_modified: ['*.tf.json'] }
  - dir: generated/terraform/dev/gone
    workspace: blue
  - name: prod-network
    dir: generated/terraform/prod/network
`;

  it('reads names, workspaces, autoplan settings and dependencies, with Atlantis defaults', () => {
    const { projects, problems } = parseAtlantisConfig('atlantis.yaml', config);
    expect(problems).toEqual([]);
    expect(projects.map((p) => [p.name, p.workspace, p.autoplan, p.whenModified, p.dependsOn])).toEqual([
      ['dev-network', 'default', true, ['*.tf.json', '!ignored.tf.json'], []],
      ['dev-data', 'default', false, ['*.tf.json'], ['dev-network']],
      ['generated/terraform/dev/gone (blue)', 'blue', true, DEFAULT_WHEN_MODIFIED, []],
      ['prod-network', 'default', true, DEFAULT_WHEN_MODIFIED, []],
    ]);
  });

  it('lists matching projects in config order, keeps autoplan-disabled ones flagged, skips deleted dirs', () => {
    const { projects } = parseAtlantisConfig('atlantis.yaml', config);
    const changed = [
      'generated/terraform/dev/network/ignored.tf.json',
      'generated/terraform/dev/data/main.tf.json',
      'generated/terraform/dev/gone/main.tf.json',
      'generated/terraform/dev/network/main.tf.json',
      'README.md',
    ];
    const exists = (dir: string) => !dir.endsWith('/gone');
    expect(projectsToPlan(projects, changed, exists)).toEqual([
      { name: 'dev-network', dir: 'generated/terraform/dev/network', workspace: 'default', autoplan: true, dependsOn: [], modifiedFiles: ['generated/terraform/dev/network/main.tf.json'] },
      { name: 'dev-data', dir: 'generated/terraform/dev/data', workspace: 'default', autoplan: false, dependsOn: ['dev-network'], modifiedFiles: ['generated/terraform/dev/data/main.tf.json'] },
    ]);
  });

  it('reports a wrong version and projects without a dir', () => {
    expect(parseAtlantisConfig('atlantis.yaml', 'version: 2\nprojects:\n  - name: x\n').problems).toEqual([
      'atlantis.yaml: version: expected 3, got 2',
      'atlantis.yaml: projects[0].dir: expected a folder',
    ]);
  });
});
