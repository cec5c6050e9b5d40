/**
 * `pnpm new-env` in a copy of the repository, as CI runs it (no terminal: flags only): bad input is
 * one exact line and writes nothing; a good run writes exactly the expected environment file and
 * synthesizes (then `synth --check` is clean); running it twice says what exists. Every command is a
 * child process the worker awaits.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRICE_TABLES } from '../generators/cost/prices/index.js';
import { loadRepositoryModel } from '../scripts/lib/platform.js';
import { runScript, type RunResult } from './support/run-tsx.js';
import { trackedCopy } from './support/tracked-copy.js';

const model = loadRepositoryModel();
const first = model.environments[0]!;
/** The environment copied: a non-production one that does not host the tooling and is not the first stage (staging today). */
const template = [...model.environments].reverse().find((e) => e.tier !== 'production' && !e.hostsPlatformTooling && e.promotesFrom !== null)!;
const NEW = 'qa';
const ACCOUNT = '444444444444';
/** A region with a committed price table (generators/cost/prices/) other than the template's: synth prices every region in use. */
const REGION = PRICE_TABLES.map((t) => t.region).find((r) => r !== template.aws.region) ?? template.aws.region;
const ZONES = ['a', 'b', 'c'].map((letter) => `${REGION}${letter}`).slice(0, template.aws.availabilityZones.length);
/** The first free 10.<n>.0.0/16 in steps of ten. */
const octet = [10, 20, 30, 40, 50, 60, 70, 80].find((n) => !model.environments.some((e) => e.network.vpcCidr.startsWith(`10.${n}.`)))!;
const GOOD = [NEW, '--from', template.name, '--account', ACCOUNT, '--region', REGION];

let root: string;
const read = (path: string) => readFile(join(root, path), 'utf8');
const newEnv = (args: string[]) => runScript(root, 'new-env', args);
const lines = (r: RunResult) => r.stderr.trim().split('\n');
let environmentsBefore: string[];
let manifestBefore: string;

beforeAll(async () => {
  root = await trackedCopy();
  environmentsBefore = (await readdir(join(root, 'environments'))).sort();
  manifestBefore = await read('generated/manifest.json');
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('pnpm new-env without a terminal', () => {
  const writesNothing = async () => {
    expect((await readdir(join(root, 'environments'))).sort()).toEqual(environmentsBefore);
    expect(await read('generated/manifest.json')).toBe(manifestBefore);
  };

  it.each([
    ['a missing flag', [NEW, '--from', template.name, '--region', REGION], 'new-env: missing --account <id> (without a terminal every value comes from flags; `pnpm new-env --help`)'],
    ['a bad account id', [NEW, '--from', template.name, '--account', '1234', '--region', REGION], `environments/${NEW}.ts: aws.accountId: expected a 12-digit AWS account id (got "1234")`],
    ['an unknown region', [NEW, '--from', template.name, '--account', ACCOUNT, '--region', 'mars-north-1'], expect.stringMatching(new RegExp(`^environments/${NEW}\\.ts: aws\\.region: no AWS region "mars-north-1"; expected one of .*eu-central-1`))],
    ['a VPC that overlaps another environment', [...GOOD, '--cidr', first.network.vpcCidr], `environments/${NEW}.ts: network.vpcCidr: ${first.network.vpcCidr} overlaps ${first.name}'s ${first.network.vpcCidr} (${first.file}); expected a VPC CIDR no other environment uses`],
    ['a VPC the subnet plan cannot use', [...GOOD, '--cidr', '10.200.0.0/24'], '--cidr: 10.200.0.0/24: expected a /16 to /20 (the subnet plan needs a /28 per zone and tier), got /24'],
    ['an unknown environment to copy', [NEW, '--from', 'nowhere', '--account', ACCOUNT, '--region', REGION], `--from: no environment "nowhere"; expected one of ${model.environments.map((e) => e.name).sort().join(', ')}`],
    ['a copy of the first stage without --after', [NEW, '--from', first.name, '--account', ACCOUNT, '--region', REGION], `--after: ${first.name} is the first stage of the promotion order; say which environment ${NEW} promotes from (e.g. --after ${first.name})`],
    ['a bad name', ['QA', '--from', template.name, '--account', ACCOUNT, '--region', REGION], 'environments/QA.ts: name: expected a lowercase name of at most 12 characters (a-z, 0-9, single dashes), such as qa or prod-eu (got "QA")'],
    ['a support module’s name', ['versions', '--from', template.name, '--account', ACCOUNT, '--region', REGION], 'environments/versions.ts: name: "versions" is a support module of environments/; choose another name'],
  ])('%s is one line, exit 1, and nothing is written', async (_, args, expected) => {
    const run = await newEnv(args as string[]);
    expect(run.status).toBe(1);
    expect(lines(run)[0]).toEqual(expected);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await writesNothing();
  }, 60_000);

  it('prints its help', async () => {
    const run = await newEnv(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: pnpm new-env <name> [flags]');
    for (const flag of ['--from <env>', '--account <id>', '--region <region>', '--cidr <cidr>', '--after <env>']) expect(run.stdout).toContain(flag);
  });

  describe('with good flags', () => {
    let run: RunResult;
    let written: string;
    let original: string;
    beforeAll(async () => {
      run = await newEnv(GOOD);
      written = existsSync(join(root, `environments/${NEW}.ts`)) ? await read(`environments/${NEW}.ts`) : '';
      original = await read(template.file);
    }, 300_000);

    it('writes the environment file and synthesizes it', () => {
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toMatch(new RegExp(`^new-env +\\d+ ms  wrote environments/${NEW}\\.ts$`, 'm'));
      expect(run.stdout).toContain(`environments/${NEW}.ts: account ${ACCOUNT}, ${REGION} (${ZONES.join(', ')}), VPC 10.${octet}.0.0/16, tier ${template.tier}.`);
    });

    it('writes exactly the copy with its own identity, zones, addresses and place in the promotion order', () => {
      const cidr = (third: number, prefix: number) => `'10.${octet}.${third}.0/${prefix}'`;
      const zones = ZONES.map((_, i) => i);
      const templateOwners = original.split('\n').find((l) => l.includes('costCenter:'))!;
      const expectedNew = [
        `/** ${NEW}: copied from ${template.name} by \`pnpm new-env\` (account ${ACCOUNT}, ${REGION}); say here what it is for. */`,
        `export const ${NEW}: Environment = {`,
        `  name: '${NEW}',`,
        `  /** Promotion order: receives what ${template.promotesFrom} runs. */`,
        `    accountId: '${ACCOUNT}',`,
        `    region: '${REGION}',`,
        `    availabilityZones: [${ZONES.map((z) => `'${z}'`).join(', ')}],`,
        templateOwners.replace(`costCenter: '${template.owners.costCenter}'`, `costCenter: '${template.owners.costCenter.replace(template.name, NEW)}'`).replace(`alertEmail: '${template.owners.alertEmail}'`, `alertEmail: '${template.owners.alertEmail.replace(template.name, NEW)}'`),
        `  domain: '${template.domain.replace(`${template.name}.`, `${NEW}.`)}',`,
        `    vpcCidr: '10.${octet}.0.0/16',`,
        `      public: [${zones.map((i) => cidr(i, 24)).join(', ')}],`,
        `      private: [${zones.map((i) => cidr(16 * (i + 1), 20)).join(', ')}],`,
        `      database: [${zones.map((i) => cidr(64 + i, 24)).join(', ')}],`,
        // People's SSO roles move to the new account (access entries must be roles of the environment's own account).
        ...original
          .split('\n')
          .filter((line) => line.includes(`arn:aws:iam::${template.aws.accountId}:`))
          .map((line) => line.split(`arn:aws:iam::${template.aws.accountId}:`).join(`arn:aws:iam::${ACCOUNT}:`)),
      ];
      const before = new Set(original.split('\n'));
      const after = written.split('\n');
      // Every line the copy adds is one of these, each once; every other line is the template's.
      expect(after.filter((line) => !before.has(line)).sort()).toEqual([...expectedNew].sort());
      const removed = original.split('\n').filter((line) => !after.includes(line));
      expect(removed.every((line) => /^(\/\*\*|export const|  name:|  \/\*\*|    accountId:|    region:|    availabilityZones:|  owners:|  domain:|    vpcCidr:|      (public|private|database):|    (adminRoleArns|readOnlyRoleArns):)/.test(line)), removed.join('\n')).toBe(true);
      expect(after).toContain(`  promotesFrom: '${template.promotesFrom}',`);
      expect(after).toContain('  hostsPlatformTooling: false,');
    });

    it('leaves the repository clean for synth --check and policies', async () => {
      expect((await runScript(root, 'synth', ['--check'])).status).toBe(0);
      expect((await runScript(root, 'policies')).status).toBe(0);
    }, 300_000);

    it('refuses to run twice, saying what exists, and changes nothing', async () => {
      const again = await newEnv(GOOD);
      expect(again.status).toBe(1);
      expect(lines(again)).toEqual([
        `environments/${NEW}.ts already exists (account ${ACCOUNT}, ${REGION}, promotes from ${template.promotesFrom}): nothing was written; edit it, or choose another name`,
      ]);
      expect(await read(`environments/${NEW}.ts`)).toBe(written);
    }, 60_000);
  });
});
