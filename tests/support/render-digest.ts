/** Prints a SHA-256 of every rendered file of the real repository, computed in memory (used to compare runs across time zones and locales). */
import { createHash } from 'node:crypto';
import { generators } from '../../generators/index.js';
import { synthesize } from '../../generators/pipeline.js';
import { renderFile } from '../../generators/render.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';

const hash = createHash('sha256');
const model = loadRepositoryModel();
for (const file of synthesize(model, generators, { environments: model.environments.map((env) => env.name) })) {
  hash.update(file.path).update('\0').update(renderFile(file)).update('\0');
}
process.stdout.write(`${hash.digest('hex')}\n`);
