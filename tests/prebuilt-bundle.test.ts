/**
 * The prebuilt command bundle (scripts/bundle/) that `pnpm synth`, `pnpm policies`, `pnpm env-diff`
 * and `pnpm pr-comment` run: in a copy of the repository (no bundle yet), a bundle built from other
 * sources never runs (an edited source is in the very next run), the bundle says what tsx says
 * (a rejected value, a broken source) and it reaches the same result as tsx on an unchanged
 * checkout. What it cannot see: a difference that only shows in output of a repository state the
 * test does not build (the determinism and synth --check tests compare the bytes).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, runScriptWithTsx } from './support/run-tsx.js';
import { copyRepository, editFile, removeDir } from './support/tree.js';

let repo: string;
beforeAll(() => (repo = copyRepository({ bundle: false })));
afterAll(() => removeDir(repo));

/** Any service the repository has (the first folder of services/ with a service.ts). */
const aService = () => {
  const folder = readdirSync(join(repo, 'services')).sort().find((name) => existsSync(join(repo, 'services', name, 'service.ts')));
  return `services/${folder}/service.ts`;
};
const bundled = (command: string, ...args: string[]) => runCommand(process.execPath, ['scripts/bundle/run.mjs', command, ...args], repo);
/** Phase timings differ run to run; everything else must not. */
const withoutTimings = (text: string) => text.replace(/^(\w+) +\d+ ms/gm, '$1 N ms');

const edit = (path: string, from: string, to: string) => editFile(repo, path, from, to);

describe('the prebuilt bundle', () => {
  it('is rebuilt when a source changes: an edit is in the next run, never an older bundle', async () => {
    const first = await bundled('synth', '--help');
    expect(first.status).toBe(0);
    const restore = edit('scripts/lib/command-help.ts', "command: 'pnpm synth',", "command: 'pnpm synth-edited',");
    try {
      const edited = await bundled('synth', '--help');
      expect(edited.stdout).toMatch(/^Usage: pnpm synth-edited /);
    } finally {
      restore();
    }
    expect((await bundled('synth', '--help')).stdout).toBe(first.stdout);
    expect(readdirSync(join(repo, '.cache/bundle')).filter((entry) => !entry.includes('.')).length).toBeGreaterThanOrEqual(2);
  });

  it('reports an invalid value exactly as tsx does', async () => {
    const restore = edit('environments/dev.ts', "vpcCidr: '10.10.0.0/16'", "vpcCidr: '10.10.0.0/99'");
    try {
      const [fromBundle, fromTsx] = await Promise.all([bundled('synth', '--check'), runScriptWithTsx(repo, 'synth', ['--check'])]);
      expect(fromBundle.status).toBe(1);
      expect(fromBundle.stderr).toContain('environments/dev.ts: network.vpcCidr:');
      expect(fromBundle).toEqual(fromTsx);
    } finally {
      restore();
    }
  });

  it('hands a source that does not compile to tsx, whose message it prints', async () => {
    const service = aService();
    const restore = edit(service, 'export const', 'export const const');
    try {
      const [fromBundle, fromTsx] = await Promise.all([bundled('synth', '--check'), runScriptWithTsx(repo, 'synth', ['--check'])]);
      expect(fromBundle.stderr.startsWith(`${service}:`)).toBe(true);
      expect(fromBundle.stderr).toContain('syntax error: ');
      expect(fromBundle).toEqual(fromTsx);
    } finally {
      restore();
    }
  });

  it('hands a source that throws while it is imported to tsx, whose message it prints', async () => {
    const service = aService();
    const restore = edit(service, 'export const', "if (Date.length >= 0) throw new Error('broken on purpose');\nexport const");
    try {
      const [fromBundle, fromTsx] = await Promise.all([bundled('synth', '--check'), runScriptWithTsx(repo, 'synth', ['--check'])]);
      expect(fromBundle.stderr).toMatch(new RegExp(`^${service}:\\d+:\\d+: Error: broken on purpose$`, 'm'));
      expect(fromBundle).toEqual(fromTsx);
    } finally {
      restore();
    }
  });

  it('gives the same result as tsx on the unchanged repository', async () => {
    // --full: the same work as tsx does, never the record of an earlier clean run (tests/synth-cli.test.ts).
    const [fromBundle, fromTsx] = await Promise.all([bundled('synth', '--check', '--full'), runScriptWithTsx(repo, 'synth', ['--check', '--full'])]);
    expect(fromBundle.status).toBe(fromTsx.status);
    expect(withoutTimings(fromBundle.stdout)).toBe(withoutTimings(fromTsx.stdout));
    expect(fromBundle.stderr).toBe(fromTsx.stderr);
  });
});
