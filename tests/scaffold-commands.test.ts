/**
 * `pnpm new-service` and `pnpm promote` as a person runs them (the prebuilt launcher, asynchronous
 * child processes) in a copy of the repository committed to a fresh Git repository: the exact files
 * written, bad input (nothing written), running twice, --dry-run, the no-op, the refusal to skip a
 * stage, prompts on a terminal. Environment names come from the copy (its generated/kubernetes/
 * folders, in promotion order from synth's output), so the test holds for any valid repository.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartVersions } from '../environments/versions.js';
import { newServiceDefinition } from '../scripts/lib/new-service/definition.js';
import { serviceSource } from '../scripts/lib/new-service/template.js';
import { runCommand, type RunResult } from './support/run-tsx.js';
import { trackedCopy } from './support/tracked-copy.js';

/** A name no repository is expected to have (the twice-run case makes its own). */
const NAME = 'scaffold-probe';
const ROUTE = '/v1/scaffold-probe';
const TOPIC = 'scaffold-probe.events';
const FILE = `services/${NAME}/service.ts`;
const ADDON = 'metrics-server';
const TRIAL = chartVersions[ADDON].replace(/(\d+)$/, (n) => String(Number(n) + 1));

let root: string;
let environments: string[];
let gatewayFile: string;
const read = (path: string) => readFile(join(root, path), 'utf8');
const run = (command: string, ...args: string[]) => runCommand(process.execPath, ['scripts/bundle/run.mjs', command, ...args], root);
const git = (...args: string[]) => runCommand('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], root);
const text = (r: RunResult) => `${r.stdout}${r.stderr}`;

/** Every source and output file's content, to prove a refused command wrote nothing. */
async function sourcesAndOutput(): Promise<Record<string, string>> {
  const status = await git('status', '--porcelain', '--untracked-files=all');
  const diff = await git('diff');
  return { status: status.stdout, diff: diff.stdout };
}

beforeAll(async () => {
  root = await trackedCopy('platform-gitops-scaffold-');
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-qm', 'copy']]) {
    const result = await git(...args);
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  }
  // The environments in promotion order: the order synth reports them in the Argo CD roots it writes.
  const names = (await readdir(join(root, 'generated/kubernetes'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const dryRun = await run('promote', '--all', '--to', names[0]!, '--dry-run');
  const order = /\(([a-z0-9-]+(?: → [a-z0-9-]+)+)\)/.exec(text(dryRun))?.[1];
  environments = order ? order.split(' → ') : names;
  const services = await readdir(join(root, 'services'), { withFileTypes: true });
  for (const folder of services.filter((e) => e.isDirectory())) {
    if (/kind: 'gateway'/.test(await read(`services/${folder.name}/service.ts`))) gatewayFile = `services/${folder.name}/service.ts`;
  }
}, 600_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('both commands explain themselves', () => {
  it('--help prints the usage with operands, every flag and an example, exit 0; an unknown flag is one line, exit 2', async () => {
    const [service, promote, unknown] = await Promise.all([run('new-service', '--help'), run('promote', '--help'), run('promote', '--to', 'x', '--fast')]);
    expect(service).toMatchObject({ status: 0, stderr: '' });
    expect(service.stdout).toMatch(/^Usage: pnpm new-service <name> --team <team> --port <n> \[flags\]\n/);
    for (const flag of ['--team <team>', '--port <n>', '--route /v1/<path>', '--needs <need>[,<need>]', '--calls <service>[,<service>]', '--dry-run', '--help']) expect(service.stdout).toContain(`\n  ${flag} `);
    expect(promote).toMatchObject({ status: 0, stderr: '' });
    expect(promote.stdout).toMatch(/^Usage: pnpm promote <service…\|--all> --to <env> \[flags\]\n/);
    for (const flag of ['--to <env>', '--all', '--charts', '--from <env>', '--force', '--dry-run']) expect(promote.stdout).toContain(`\n  ${flag} `);
    expect(promote.stdout).toMatch(/\nExamples:\n {2}pnpm promote /);
    expect(unknown).toMatchObject({ status: 2, stdout: '' });
    expect(unknown.stderr).toBe("Unknown option '--fast'. Valid options: --to <env>, --all, --charts, --from <env>, --force, --dry-run, --help (`pnpm promote --help` explains them).\n");
  }, 120_000);
});

describe('pnpm new-service', () => {
  it('refuses bad input with synth’s one-line problems and writes nothing', async () => {
    const before = await sourcesAndOutput();
    const bad = await run('new-service', 'Bad_Name', '--team', 'Team X', '--port', '80', '--needs', 'cache,queue');
    expect(bad.status).toBe(1);
    expect(bad.stderr.split('\n').filter(Boolean)).toEqual([
      'services/Bad_Name/service.ts: dependencies: --needs: unknown need "queue"; expected database[:read|readwrite], cache, topic:<name>[:produce|consume], bucket:<name>[:read|write|readwrite], secret:<name>',
      'services/Bad_Name/service.ts: metrics.port: expected a number >= 1024 (got 80)',
      'services/Bad_Name/service.ts: name: expected a lowercase DNS label (a-z, 0-9, -; at most 63 characters) (got "Bad_Name")',
      'services/Bad_Name/service.ts: port: expected a number >= 1024 (got 80)',
      'services/Bad_Name/service.ts: team: expected a lowercase DNS label (a-z, 0-9, -; at most 63 characters) (got "Team X")',
      '5 problem(s) found; nothing was written.',
    ]);
    const unknownCall = await run('new-service', NAME, '--team', 'probes', '--port', '8080', '--calls', 'no-such-service');
    expect(unknownCall.status).toBe(1);
    expect(unknownCall.stderr).toMatch(new RegExp(`^${FILE}: dependencies\\.calls\\[0\\]: no service named "no-such-service"; expected one of `));
    // A route another service already serves: the collision line synth prints.
    let taken = '';
    for (const folder of (await readdir(join(root, 'services'), { withFileTypes: true })).filter((e) => e.isDirectory())) {
      taken ||= /pathPrefix: '([^']+)'/.exec(await read(`services/${folder.name}/service.ts`))?.[1] ?? '';
    }
    expect(taken).not.toBe('');
    const collision = await run('new-service', NAME, '--team', 'probes', '--port', '8080', '--route', taken);
    expect(collision.status).toBe(1);
    expect(collision.stderr).toContain(`${FILE}: routes[0].pathPrefix: ${taken} is already routed to `);
    const missing = await run('new-service', NAME);
    expect(missing).toMatchObject({ status: 1, stderr: 'missing --team <team>, --port <n> (no terminal to ask on); `pnpm new-service --help` explains them\n' });
    expect(await sourcesAndOutput()).toEqual(before);
  }, 300_000);

  it('--dry-run prints the file and writes nothing', async () => {
    const before = await sourcesAndOutput();
    const result = await run('new-service', NAME, '--team', 'probes', '--port', '8080', '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`--- ${FILE} (new)\nimport { defineService } from '../define-service.js';`);
    expect(result.stdout).toMatch(/^prepare +\d+ ms {2}validated; /m);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('pnpm new-service --dry-run: nothing was written.');
    expect(await sourcesAndOutput()).toEqual(before);
  }, 120_000);

  it('writes exactly the service file and the gateway call, then synth generates it', async () => {
    const gatewayBefore = await read(gatewayFile);
    const result = await run('new-service', NAME, '--team', 'probes', '--port', '8081', '--route', ROUTE, '--needs', `cache,secret:probe-key,topic:${TOPIC}`);
    expect(result.status, text(result)).toBe(0);
    const expected = serviceSource(
      newServiceDefinition({ name: NAME, team: 'probes', port: 8081, route: ROUTE, calls: [] }, { database: 'none', cache: true, topics: [{ name: TOPIC, access: 'produce', partitions: 6 }], buckets: [], secrets: ['probe-key'] }, environments),
    );
    expect(await read(FILE)).toBe(expected);
    // The template's own shape, independently of the function above.
    expect(expected).toContain(`  routes: [{ pathPrefix: '${ROUTE}' }],\n`);
    expect(expected).toContain(`  environments: {\n${environments.map((env) => `    ${/^[a-z]+$/.test(env) ? env : `'${env}'`}: { imageTag: '0.1.0' },\n`).join('')}  },\n});\n`);
    expect(await read(gatewayFile)).toBe(gatewayBefore.replace(/(calls: \[[^\]]*?)\]/, `$1, '${NAME}']`));
    const changed = (await git('status', '--porcelain', '--untracked-files=all', 'services')).stdout.split('\n').filter(Boolean).sort();
    expect(changed).toEqual([` M ${gatewayFile}`, `?? ${FILE}`]);
    expect(expected).toContain(`    topics: [{ name: '${TOPIC}', access: 'produce', partitions: 6 }],\n`);
    for (const env of environments) {
      expect(existsSync(join(root, `generated/kubernetes/${env}/${NAME}/deployment-${NAME}.yaml`))).toBe(true);
      // The platform creates the topic it produces (Kafka as a contract).
      expect(await read(`generated/kubernetes/${env}/kafka-topics/configmap-kafka-topics.yaml`)).toMatch(new RegExp(`\\n +${TOPIC.replace('.', '\\.')} 6 \\d+ 604800000\\n`));
    }
    // Deleted: the kafka-topics Job of the old topic list (its name is a hash of the list).
    expect(text(result)).toMatch(/pnpm synth: \d+ created, \d+ updated, \d+ deleted/);
    expect((await run('synth', '--check')).status).toBe(0);
  }, 600_000);

  it('a second run is an error that says what exists', async () => {
    const before = await sourcesAndOutput();
    const again = await run('new-service', NAME, '--team', 'other', '--port', '9090');
    expect(again).toMatchObject({ status: 1, stdout: expect.stringMatching(/^load /) });
    expect(again.stderr).toBe(`${FILE}: already exists (team probes, port 8081, routes ${ROUTE}); edit it instead, or choose another name. Nothing was written.\n`);
    expect(await sourcesAndOutput()).toEqual(before);
  }, 120_000);

  const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
  it.runIf(hasScript)('asks for what is missing on a terminal', async () => {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('script', ['-qec', `${process.execPath} scripts/bundle/run.mjs new-service --dry-run`, '/dev/null'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
      let out = '';
      const answers: [string, string][] = [['Service name', 'prompted-probe\n'], ['Owning team', 'probes\n'], ['Container port', '\n']];
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        while (answers.length > 0 && out.includes(answers[0]![0])) child.stdin.write(answers.shift()![1]);
      });
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
    expect(output).toContain('Service name (lowercase DNS label, e.g. report-builder): ');
    expect(output).toContain('--- services/prompted-probe/service.ts (new)');
    expect(output).toContain('  port: 8080,\r\n');
    expect(existsSync(join(root, 'services/prompted-probe'))).toBe(false);
  }, 120_000);
});

describe('pnpm promote', () => {
  const [first, second] = [() => environments[0]!, () => environments[1]!];
  // The new service is committed: the env-diff summary compares with HEAD.
  beforeAll(async () => {
    for (const args of [['add', '-A'], ['commit', '-qm', 'new service']]) expect((await git(...args)).status).toBe(0);
  });

  it('is a no-op with a clear message when nothing differs', async () => {
    const result = await run('promote', NAME, '--to', second());
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(`pnpm promote: nothing to promote: ${second()} already runs what ${first()} runs.`);
  }, 120_000);

  it('--dry-run prints the change and writes nothing', async () => {
    await writeFile(join(root, FILE), (await read(FILE)).replace(`${first()}: { imageTag: '0.1.0' }`, `${first()}: { imageTag: '0.2.0' }`));
    await writeFile(join(root, `environments/${first()}.ts`), (await read(`environments/${first()}.ts`)).replace('addons: { ...chartVersions', `addons: { ...chartVersions, '${ADDON}': '${TRIAL}'`));
    const before = await sourcesAndOutput();
    const result = await run('promote', NAME, '--to', second(), '--charts', '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('  '))).toEqual([
      `  ${FILE}: environments.${second()}.imageTag: 0.1.0 → 0.2.0`,
      `  environments/${second()}.ts: addons.${ADDON}: ${chartVersions[ADDON]} → ${TRIAL}`,
    ]);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(`pnpm promote --dry-run: 2 change(s) from ${first()} to ${second()}; nothing was written.`);
    expect(await sourcesAndOutput()).toEqual(before);
  }, 120_000);

  it('refuses to skip a stage without --force (with three environments or more)', async (context) => {
    if (environments.length < 3) context.skip();
    const result = await run('promote', NAME, '--from', first(), '--to', environments[2]!);
    expect(result).toMatchObject({ status: 1, stderr: `--from ${first()} --to ${environments[2]} skips ${second()}; promote through ${second()} first, or add --force\n` });
  }, 120_000);

  it('puts the sources back when synth refuses the result (a link on an output path)', async () => {
    const output = `generated/kubernetes/${second()}/${NAME}/deployment-${NAME}.yaml`;
    const [serviceBefore, outputBefore] = [await read(FILE), await read(output)];
    await rm(join(root, output));
    await symlink(`deployment-${NAME}.yaml.elsewhere`, join(root, output));
    try {
      const result = await run('promote', NAME, '--to', second());
      expect(result.status).toBe(1);
      expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('pnpm promote: synth failed (above); the sources are as they were, nothing was promoted.');
      expect(await read(FILE)).toBe(serviceBefore);
    } finally {
      await rm(join(root, output));
      await writeFile(join(root, output), outputBefore);
    }
  }, 300_000);

  it('promotes: exactly the tag changes, synth runs, the env-diff summary names the changed objects', async () => {
    const serviceBefore = await read(FILE);
    const envBefore = await read(`environments/${second()}.ts`);
    const result = await run('promote', NAME, '--to', second());
    expect(result.status, text(result)).toBe(0);
    expect(await read(FILE)).toBe(serviceBefore.replace(`${second()}: { imageTag: '0.1.0' }`, `${second()}: { imageTag: '0.2.0' }`));
    expect(await read(`environments/${second()}.ts`)).toBe(envBefore);
    expect(result.stdout).toContain('env-diff against HEAD (`pnpm env-diff` for the full review):');
    expect(result.stdout).toMatch(new RegExp(`^ {2}${second()}: terraform `, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^ {4}~ ${NAME} Deployment [a-z-]+/${NAME}$`, 'm'));
    expect(await read(`generated/kubernetes/${second()}/${NAME}/deployment-${NAME}.yaml`)).toContain(':0.2.0');
    expect((await run('synth', '--check')).status).toBe(0);
    const again = await run('promote', NAME, '--to', second());
    expect(again.stdout.trimEnd().split('\n').at(-1)).toBe(`pnpm promote: nothing to promote: ${second()} already runs what ${first()} runs.`);
  }, 600_000);
});
