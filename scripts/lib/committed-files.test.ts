import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../../tests/support/tree.js';
import { readCommittedFiles } from './committed-files.js';

let root: string;
afterEach(() => removeDir(root));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('readCommittedFiles', () => {
  it('reads what the manifest lists and what it does not (Argo CD would sync it), and reports unparsable files', () => {
    root = tempDir();
    write('generated/manifest.json', JSON.stringify({ files: [{ path: 'generated/terraform/dev/network/main.tf.json', environment: 'dev', generator: 'x', sources: [] }] }));
    write('generated/terraform/dev/network/main.tf.json', '{"resource": {}}');
    write('argocd/prod/apps/rogue.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: rogue}\nspec: {project: default}\n');
    write('atlantis.yaml', 'version: 3\nprojects: []\n');
    write('generated/kubernetes/staging/x/broken.yaml', 'a: [unclosed\n');
    write('generated/notes.txt', 'not a document');

    const { files, problems } = readCommittedFiles(root, ['dev', 'staging', 'prod']);
    expect(files.map((f) => [f.path, f.environment, f.content.format])).toEqual([
      ['argocd/prod/apps/rogue.yaml', 'prod', 'yaml'],
      ['atlantis.yaml', null, 'yaml'],
      ['generated/terraform/dev/network/main.tf.json', 'dev', 'json'],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^error - staging generated\/kubernetes\/staging\/x\/broken\.yaml: cannot be parsed: /);
  });

  it('reads nothing through a symbolic link, and no manifest entry outside the outputs', () => {
    root = tempDir();
    const outside = tempDir('outside-');
    try {
      write('generated/manifest.json', JSON.stringify({ files: [{ path: 'environments/dev.json', environment: 'dev', generator: 'x', sources: [] }] }));
      write('environments/dev.json', '{"secret": true}');
      expect(readCommittedFiles(root)).toEqual({
        files: [],
        problems: [`error - - generated/manifest.json: "environments/dev.json" is not one of synth's outputs (generated/, argocd/, atlantis.yaml, .github/CODEOWNERS); not read`],
      });
      writeFileSync(join(outside, 'app.yaml'), 'kind: Application\n');
      symlinkSync(outside, join(root, 'argocd'), 'dir');
      expect(readCommittedFiles(root)).toEqual({
        files: [],
        problems: ['error - - argocd: is a symbolic link; synth never writes, reads or deletes through links (replace it with a plain folder or file)'],
      });
    } finally {
      removeDir(outside);
    }
  });
});
