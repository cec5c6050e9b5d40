import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../environments/types.js';
import { generators } from '../generators/index.js';
import { loadPlatform } from '../generators/model/load.js';
import { synthesize } from '../generators/pipeline.js';
import { renderFile } from '../generators/render.js';
import { realInputs } from './support/inputs.js';
import { REPO_ROOT } from './support/tree.js';

function renderAll(reverseInputs = false): Map<string, string> {
  const inputs = realInputs();
  if (reverseInputs) {
    inputs.environments.reverse();
    inputs.services.reverse();
    for (const env of inputs.environments) env.value.services = Object.fromEntries(Object.entries(env.value.services).reverse());
  }
  const model = loadPlatform(inputs.environments, inputs.services);
  return new Map(synthesize(model, generators, { environments: ENV_NAMES }).map((f) => [f.path, renderFile(f)]));
}

function digest(files: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const [path, text] of files) hash.update(path).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

describe('deterministic output', () => {
  it('gives identical bytes when synthesized twice', () => {
    const first = renderAll();
    expect(first.size).toBeGreaterThan(0);
    expect(renderAll()).toEqual(first);
  });

  it('does not depend on the order environments, services and overrides are listed in', () => {
    expect(digest(renderAll(true))).toBe(digest(renderAll()));
  });

  it('gives identical bytes under another time zone and locale', () => {
    const tsx = join(REPO_ROOT, 'node_modules/.bin/tsx');
    const run = (env: Record<string, string>) =>
      execFileSync(tsx, ['tests/support/render-digest.ts'], { cwd: REPO_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
    const local = digest(renderAll());
    expect(run({ TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' })).toBe(local);
    expect(run({ TZ: 'America/St_Johns', LANG: 'C', LC_ALL: 'C' })).toBe(local);
  });

  it('uses only LF line endings, ends every file with one newline and embeds no timestamps', () => {
    for (const [path, text] of renderAll()) {
      expect(text.includes('\r'), path).toBe(false);
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), path).toBe(true);
      expect(/20\d\d-\d\d-\d\dT\d\d:\d\d/.test(text), path).toBe(false);
    }
  });
});
