/**
 * Environments are files: when one is removed (or renamed), its output goes too, on the next full
 * synth, while `--env` runs still keep the output of the environments they do not regenerate.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Generator } from '../../generators/generator.js';
import { loadPlatform } from '../../generators/model/load.js';
import type { PlatformModel } from '../../generators/model/types.js';
import { BEFORE_ANY_EXPIRY } from '../../tests/support/dates.js';
import { realInputs } from '../../tests/support/inputs.js';
import { removeDir, tempDir } from '../../tests/support/tree.js';
import { runSynth } from './synth-command.js';

const full = loadPlatform(realInputs().environments, realInputs().services);
/** The model without its last environment, as if its file had been deleted. */
const removed = full.environments[full.environments.length - 1]!;
const without: PlatformModel = { environments: full.environments.filter((e) => e !== removed) };

const perEnvironment: Generator = {
  name: 'test/files',
  scope: 'environment',
  generate: (env) => [{ path: `generated/test/${env.name}/a.yaml`, environment: env.name, generator: 'test/files', sources: [env.file], content: { format: 'yaml', documents: [{ a: env.name }] } }],
};

let root: string;
beforeEach(() => (root = tempDir()));
afterEach(() => removeDir(root));

const synth = (model: PlatformModel, environments = model.environments.map((e) => e.name)) =>
  runSynth({ root, model, generators: [perEnvironment], check: false, environments, today: BEFORE_ANY_EXPIRY }).plan;

describe('an environment whose file is removed', () => {
  it('loses its output on the next synth', () => {
    synth(full);
    expect(existsSync(join(root, `generated/test/${removed.name}/a.yaml`))).toBe(true);
    const plan = synth(without);
    expect(plan.deletes).toEqual([`generated/test/${removed.name}/a.yaml`]);
    expect(existsSync(join(root, `generated/test/${removed.name}/a.yaml`))).toBe(false);
  });

  it('loses it on a synth --env of another environment too, while that run keeps the others', () => {
    synth(full);
    const other = without.environments[0]!.name;
    const plan = synth(without, [other]);
    expect(plan.deletes).toEqual([`generated/test/${removed.name}/a.yaml`]);
    for (const env of without.environments) expect(existsSync(join(root, `generated/test/${env.name}/a.yaml`)), env.name).toBe(true);
  });
});
