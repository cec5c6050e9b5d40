import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from './support/run-tsx.js';
import { copyRepository, editFile, removeDir, snapshotTree } from './support/tree.js';

let repo: string;
beforeAll(() => (repo = copyRepository()));
afterAll(() => removeDir(repo));

/** `pnpm synth` in the copy, as a child process the worker does not wait on. */
const synth = (...args: string[]) => runScript(repo, 'synth', args);

const edit = (path: string, from: string, to: string) => editFile(repo, path, from, to);

describe('pnpm synth on a copy of the repository', () => {
  it('changes nothing on a clean checkout', async () => {
    const before = snapshotTree(repo);
    const result = await synth();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^pnpm synth: 0 created, 0 updated, 0 deleted, \d+ unchanged\.$/m);
    expect(snapshotTree(repo)).toEqual(before);
  });

  it('rejects an invalid environment value naming file and field, without a stack trace, writing nothing', async () => {
    const restore = edit('environments/dev.ts', "vpcCidr: '10.10.0.0/16'", "vpcCidr: '10.10.0.0/99'");
    const before = snapshotTree(repo);
    const result = await synth();
    restore();
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'environments/dev.ts: network.vpcCidr: expected an IPv4 CIDR such as 10.0.0.0/16 (got "10.10.0.0/99")\n' +
        '1 problem(s) found; nothing was written.\n',
    );
    expect(result.stdout).toBe('');
    expect({ ...snapshotTree(repo), 'environments/dev.ts': before['environments/dev.ts'] }).toEqual(before);
  });

  it('--check fails on a hand-edited generated file and names it', async () => {
    const restore = edit('generated/terraform/dev/network/main.tf.json', '"10.10.0.0/16"', '"10.11.0.0/16"');
    const result = await synth('--check');
    restore();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('stale       generated/terraform/dev/network/main.tf.json');
    expect(result.stderr).toContain('Run `pnpm synth` and commit the result');
  });

  it('rejects an unknown environment and an unknown flag in one line', async () => {
    expect(await synth('--env', 'qa')).toMatchObject({ status: 1, stderr: '--env: unknown environment "qa"; expected one of dev, staging, prod\n' });
    const unknown = await synth('--force');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain("Unknown option '--force'");
  });

  it('--check of sources unchanged since a clean run is answered by its record; any change to the output or the sources runs the full check', async () => {
    const phases = (stdout: string) => stdout.split('\n').filter((line) => /^\w+ +\d+ ms {2}/.test(line)).map((line) => line.split(' ')[0]);
    const closing = (stdout: string) => stdout.trimEnd().split('\n').at(-1);
    const full = await synth('--check', '--full');
    expect(full.status).toBe(0);
    expect(phases(full.stdout)).toEqual(['load', 'generate', 'policies', 'check']);

    const recorded = await synth('--check');
    expect(recorded.status).toBe(0);
    expect(phases(recorded.stdout)).toEqual(['check']);
    expect(recorded.stdout).toMatch(/^check +\d+ ms {2}\d+ file\(s\) as the last full run left them, from the same sources \(--full regenerates\)$/m);
    expect(closing(recorded.stdout)).toBe(closing(full.stdout));
    expect(recorded.stderr).toBe(full.stderr);

    const restore = edit('generated/terraform/dev/network/main.tf.json', '"10.10.0.0/16"', '"10.11.0.0/16"');
    const stale = await synth('--check');
    restore();
    expect(stale.status).toBe(1);
    expect(phases(stale.stdout)).toEqual(['load', 'generate', 'policies', 'check']);
    expect(stale.stderr).toContain('stale       generated/terraform/dev/network/main.tf.json');

    mkdirSync(join(repo, 'services/empty-folder'));
    const folder = await synth('--check');
    rmSync(join(repo, 'services/empty-folder'), { recursive: true });
    expect(folder.status).toBe(1);
    expect(folder.stderr).toContain('services/empty-folder/: a service folder needs services/empty-folder/service.ts');

    expect(phases((await synth('--check', '--env', 'dev')).stdout)).toEqual(['load', 'generate', 'policies', 'check']);
    expect(phases((await synth('--check')).stdout)).toEqual(['check']);
    expect(phases((await synth('--check', '--full')).stdout)).toEqual(['load', 'generate', 'policies', 'check']);

    // synth that writes leaves a record too: the check after it reads the outputs only.
    rmSync(join(repo, 'generated/terraform/dev/network/main.tf.json'));
    expect((await synth()).stdout).toMatch(/^pnpm synth: 1 created, 0 updated, 0 deleted, \d+ unchanged\.$/m);
    const afterWrite = await synth('--check');
    expect(phases(afterWrite.stdout)).toEqual(['check']);
    expect(closing(afterWrite.stdout)).toBe(closing(full.stdout));
  });

  it('--env dev regenerates only dev', async () => {
    const restore = edit('generated/terraform/prod/network/main.tf.json', '"10.30.0.0/16"', '"10.31.0.0/16"');
    const result = await synth('--env', 'dev');
    const prodText = readFileSync(join(repo, 'generated/terraform/prod/network/main.tf.json'), 'utf8');
    restore();
    expect(result.status).toBe(0);
    expect(prodText).toContain('"10.31.0.0/16"');
  });
});
