/** Prints a SHA-256 of every rendered file of the real repository, computed in memory (used to compare runs across time zones and locales). */
import { createHash } from 'node:crypto';
import { ENV_NAMES } from '../../environments/types.js';
import { generators } from '../../generators/index.js';
import { synthesize } from '../../generators/pipeline.js';
import { renderFile } from '../../generators/render.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';

const hash = createHash('sha256');
for (const file of synthesize(loadRepositoryModel(), generators, { environments: ENV_NAMES })) {
  hash.update(file.path).update('\0').update(renderFile(file)).update('\0');
}
process.stdout.write(`${hash.digest('hex')}\n`);
