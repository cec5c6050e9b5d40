/** The same inputs give the same bytes: twice, in any input order, in any time zone and locale. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadPlatform } from '../../generators/model/load.js';
import { renderFile } from '../../generators/render.js';
import { realInputs } from '../support/inputs.js';
import { join } from 'node:path';
import { runCommand } from '../support/run-tsx.js';
import { mapStepwise, synthesizeStepwise } from '../support/stepwise-synthesis.js';
import { REPO_ROOT } from '../support/tree.js';

async function renderAll(reverseInputs = false): Promise<Map<string, string>> {
  const inputs = realInputs();
  if (reverseInputs) {
    inputs.environments.reverse();
    inputs.services.reverse();
    for (const env of inputs.environments) env.value.services = Object.fromEntries(Object.entries(env.value.services).reverse());
  }
  const files = await synthesizeStepwise(loadPlatform(inputs.environments, inputs.services));
  return new Map(await mapStepwise(files, (f) => [f.path, renderFile(f)] as const));
}

function digest(files: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const [path, text] of files) hash.update(path).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

const first = await renderAll();

describe('deterministic output', () => {
  it('gives identical bytes when synthesized twice', async () => {
    expect(first.size).toBeGreaterThan(0);
    expect(await renderAll()).toEqual(first);
  });

  it('does not depend on the order environments, services and overrides are listed in', async () => {
    expect(digest(await renderAll(true))).toBe(digest(first));
  });

  it('gives identical bytes under another time zone and locale', async () => {
    const run = async (env: Record<string, string>) => {
      const result = await runCommand(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['tests/support/render-digest.ts'], REPO_ROOT, { env });
      expect(result.stderr).toBe('');
      return result.stdout.trim();
    };
    const [chatham, stJohns] = await Promise.all([
      run({ TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }),
      run({ TZ: 'America/St_Johns', LANG: 'C', LC_ALL: 'C' }),
    ]);
    expect(chatham).toBe(digest(first));
    expect(stJohns).toBe(digest(first));
  });

  it('uses only LF line endings, ends every file with one newline and embeds no timestamps', () => {
    for (const [path, text] of first) {
      expect(text.includes('\r'), path).toBe(false);
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), path).toBe(true);
      expect(/20\d\d-\d\d-\d\dT\d\d:\d\d/.test(text), path).toBe(false);
    }
  });
});
