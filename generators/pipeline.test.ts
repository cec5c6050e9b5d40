/** Output generators: run after every other generator, once per environment, on that environment's files only. */
import { describe, expect, it } from 'vitest';
import { synthesizeStepwise } from '../tests/support/stepwise-synthesis.js';
import type { GeneratedFile } from './document.js';
import type { EnvironmentGenerator, OutputGenerator, RepositoryGenerator } from './generator.js';
import type { PlatformModel } from './model/types.js';
import { synthesize } from './pipeline.js';
import { GENERATED_MARKER, renderFile } from './render.js';

const file = (path: string, environment: string | null, text = ''): GeneratedFile => ({
  path,
  environment: environment as GeneratedFile['environment'],
  generator: 'test',
  sources: ['test'],
  content: { format: 'markdown', text },
});
// The generators read only the environment names.
const model = { environments: [{ name: 'a' }, { name: 'b' }] } as unknown as PlatformModel;
const perEnvironment: EnvironmentGenerator = { name: 'test/env', scope: 'environment', generate: (env) => [file(`generated/${env.name}/x.md`, env.name)] };
const repository: RepositoryGenerator = { name: 'test/repo', scope: 'repository', generate: () => [file('generated/repo.md', null)] };
// Listed first, yet it sees what the others produced for its environment.
const summary: OutputGenerator = {
  name: 'test/summary',
  scope: 'output',
  generate: (_model, files, environments) =>
    environments.map((name) => file(`generated/summary/${name}.md`, name, files.filter((f) => f.environment === name).map((f) => f.path).join(','))),
};
const text = (files: GeneratedFile[], path: string) => files.find((f) => f.path === path)?.content;

describe('output generators', () => {
  const all = [summary, perEnvironment, repository];

  it('run last, on their own environment’s files, for the environments asked for', () => {
    const files = synthesize(model, all, { environments: ['b'] as never[] });
    expect(files.map((f) => f.path)).toStrictEqual(['generated/b/x.md', 'generated/repo.md', 'generated/summary/b.md']);
    expect(text(files, 'generated/summary/b.md')).toStrictEqual({ format: 'markdown', text: 'generated/b/x.md' });
  });

  it('give the same files stepwise (as the tests synthesize) as in one go', async () => {
    expect(await synthesizeStepwise(model, all)).toStrictEqual(synthesize(model, all, { environments: ['a', 'b'] as never[] }));
  });
});

describe('Markdown output', () => {
  it('carries the generated header as an HTML comment GitHub does not show, LF endings, one trailing newline', () => {
    expect(renderFile(file('generated/catalog/x.md', null, '# Title\r\n\ntext\n\n\n'))).toBe(
      `<!-- ${GENERATED_MARKER} from test. Do not edit: change the sources and run \`pnpm synth\`. -->\n# Title\n\ntext\n`,
    );
  });
});
