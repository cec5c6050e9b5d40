import { describe, expect, it } from 'vitest';
import { DEFAULT_WHEN_MODIFIED, parseAtlantisConfig, projectsToPlan } from './atlantis-matcher.js';

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
    expect(projectsToPlan(projects, changed, exists).planned).toEqual([
      { name: 'dev-network', dir: 'generated/terraform/dev/network', workspace: 'default', autoplan: true, dependsOn: [], modifiedFiles: ['generated/terraform/dev/network/main.tf.json'] },
      { name: 'dev-data', dir: 'generated/terraform/dev/data', workspace: 'default', autoplan: false, dependsOn: ['dev-network'], modifiedFiles: ['generated/terraform/dev/data/main.tf.json'] },
    ]);
  });

  it('applies the default when_modified when a project sets none', () => {
    const { projects } = parseAtlantisConfig('atlantis.yaml', 'version: 3\nprojects:\n  - name: p\n    dir: stacks/p\n');
    const plans = (file: string) => projectsToPlan(projects, [file], () => true).planned.map((p) => p.name);
    expect(plans('stacks/p/main.tf.json')).toEqual(['p']);
    expect(plans('stacks/p/modules/x/.terraform.lock.hcl')).toEqual(['p']);
    expect(plans('stacks/p/notes.md')).toEqual([]);
  });

  it('reports patterns Atlantis would reject instead of failing', () => {
    const { projects } = parseAtlantisConfig('atlantis.yaml', "version: 3\nprojects:\n  - name: p\n    dir: d\n    autoplan: { when_modified: ['[a-'] }\n");
    const { planned, problems } = projectsToPlan(projects, ['d/x'], () => true);
    expect(planned).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^atlantis\.yaml: project p: autoplan\.when_modified: Invalid regular expression/)]);
  });

  it('reports a wrong version and projects without a dir', () => {
    expect(parseAtlantisConfig('atlantis.yaml', 'version: 2\nprojects:\n  - name: x\n').problems).toEqual([
      'atlantis.yaml: version: expected 3, got 2',
      'atlantis.yaml: projects[0].dir: expected a folder',
    ]);
  });
});
