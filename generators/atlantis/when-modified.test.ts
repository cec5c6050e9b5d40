import { describe, expect, it } from 'vitest';
import { cleanPath, joinPath, plannedProjects, projectMatches, repoRelativePatterns } from './when-modified.js';

const project = (dir: string, when_modified: string[], name = dir) => ({ name, dir, autoplan: { when_modified } });
const matches = (dir: string, patterns: string[], file: string) => projectMatches(project(dir, patterns), [file]);

describe('paths like Go', () => {
  it('cleans and joins as filepath.Clean / filepath.Join do', () => {
    expect(cleanPath('a/./b//c/')).toBe('a/b/c');
    expect(cleanPath('a/../../b')).toBe('../b');
    expect(cleanPath('')).toBe('.');
    expect(joinPath('generated/terraform/dev/network', '../cluster/*.tf*')).toBe('generated/terraform/dev/cluster/*.tf*');
    expect(joinPath('.', '**/*.tf')).toBe('**/*.tf');
  });

  it('joins each pattern to the project dir and keeps the exclusion mark in front', () => {
    expect(repoRelativePatterns('stacks/a', ['*.tf*', ' !test.tf ', '../modules/**/*.tf'])).toEqual([
      'stacks/a/*.tf*',
      '!stacks/a/test.tf',
      'stacks/modules/**/*.tf',
    ]);
  });
});

describe('when_modified matching (moby patternmatcher MatchesOrParentMatches)', () => {
  it('`*` stays inside the project dir and never crosses a slash', () => {
    expect(matches('generated/terraform/dev/network', ['*.tf*'], 'generated/terraform/dev/network/main.tf.json')).toBe(true);
    expect(matches('generated/terraform/dev/network', ['*.tf*'], 'generated/terraform/dev/network/nested/main.tf.json')).toBe(false);
    expect(matches('generated/terraform/dev/network', ['*.tf*'], 'generated/terraform/dev/network-legacy/main.tf.json')).toBe(false);
    expect(matches('generated/terraform/dev/network', ['*.tf*'], 'generated/terraform/dev/main.tf.json')).toBe(false);
    expect(matches('generated/terraform/dev/network', ['.terraform.lock.hcl'], 'generated/terraform/dev/network/.terraform.lock.hcl')).toBe(true);
  });

  it('`**` spans any number of directories, also none', () => {
    expect(matches('stacks', ['**/*.tf'], 'stacks/main.tf')).toBe(true);
    expect(matches('stacks', ['**/*.tf'], 'stacks/a/b/c.tf')).toBe(true);
    expect(matches('stacks', ['**/*.tf'], 'other/main.tf')).toBe(false);
    expect(matches('.', ['**/main.tf.json'], 'main.tf.json')).toBe(true);
    expect(matches('.', ['**/main.tf.json'], 'x/y/main.tf.json')).toBe(true);
    expect(matches('stacks', ['**'], 'stacks/anything/at/all')).toBe(true);
  });

  it('reaches sibling folders with ..', () => {
    expect(matches('project1', ['../modules/**/*.tf'], 'modules/vpc/main.tf')).toBe(true);
    expect(matches('project1', ['../modules/**/*.tf'], 'project1/main.tf')).toBe(false);
  });

  it('`?` matches one character other than a slash; classes and escapes work', () => {
    expect(matches('d', ['v?.tf'], 'd/v1.tf')).toBe(true);
    expect(matches('d', ['v?.tf'], 'd/v12.tf')).toBe(false);
    expect(matches('d', ['[ab].tf'], 'd/b.tf')).toBe(true);
    expect(matches('d', ['[ab].tf'], 'd/c.tf')).toBe(false);
    expect(matches('d', ['\\*.tf'], 'd/*.tf')).toBe(true);
    expect(matches('d', ['\\*.tf'], 'd/x.tf')).toBe(false);
    expect(matches('d', ['a.tf'], 'd/aXtf')).toBe(false);
  });

  it('matches a file when a pattern matches one of its parent directories', () => {
    expect(matches('d', ['modules'], 'd/modules/vpc/main.tf')).toBe(true);
    expect(matches('d', ['mod*'], 'd/modules/vpc/main.tf')).toBe(true);
  });

  it('applies `!` exclusions in order: a later exclusion turns a match off, an earlier one does nothing', () => {
    expect(matches('d', ['**/*.tf', '!**/test.tf'], 'd/x/test.tf')).toBe(false);
    expect(matches('d', ['**/*.tf', '!**/test.tf'], 'd/x/main.tf')).toBe(true);
    expect(matches('d', ['!**/test.tf', '**/*.tf'], 'd/x/test.tf')).toBe(true);
    expect(matches('d', ['**/*.tf', '!examples', 'examples/keep.tf'], 'd/examples/keep.tf')).toBe(true);
    expect(matches('d', ['**/*.tf', '!examples'], 'd/examples/drop.tf')).toBe(false);
  });

  it('lists the planned projects of a change in config order', () => {
    const projects = [project('stacks/b', ['*.tf*'], 'b'), project('stacks/a', ['*.tf*', '../shared/*.tf'], 'a')];
    expect(plannedProjects(projects, ['stacks/shared/x.tf', 'stacks/b/main.tf.json'])).toEqual(['b', 'a']);
    expect(plannedProjects(projects, ['README.md'])).toEqual([]);
  });
});
