/**
 * The fast YAML emitter (generators/yaml-emitter.ts) writes every YAML document the repository
 * generates byte for byte as `yaml` does, and is the one that writes nearly all of them (the
 * fallback to `yaml` is for rare values, not the rule). True of any valid repository.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { canonicalize, YAML_OPTIONS } from '../../generators/render.js';
import { emitYaml } from '../../generators/yaml-emitter.js';
import { repositoryOutput } from '../support/repository-output.js';
import { mapStepwise } from '../support/stepwise-synthesis.js';

const { files } = await repositoryOutput();

describe('YAML emitter on the generated documents', () => {
  it('gives the same bytes as yaml for every document it writes, and writes at least 95% of them', async () => {
    const yamlFiles = files.filter((f) => f.content.format === 'yaml');
    expect(yamlFiles.length).toBeGreaterThan(0);
    const results = await mapStepwise(yamlFiles, (file) =>
      (file.content.format === 'yaml' ? file.content.documents : []).map((document, index) => {
        const value = canonicalize(document);
        const fast = emitYaml(value);
        return { where: `${file.path} #${index}`, fast, reference: stringify(value, YAML_OPTIONS).trimEnd() };
      }),
    );
    const documents = results.flat();
    const different = documents.filter((d) => d.fast !== undefined && d.fast !== d.reference);
    expect(different.map((d) => d.where)).toEqual([]);
    const fallbacks = documents.filter((d) => d.fast === undefined).map((d) => d.where);
    expect(fallbacks.length, fallbacks.join('\n')).toBeLessThanOrEqual(documents.length * 0.05);
  });
});
