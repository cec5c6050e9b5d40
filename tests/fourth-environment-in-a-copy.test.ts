/**
 * Environments are data: in a copy of the repository, add a fourth environment `qa` as ONE new file
 * (environments/qa.ts, copied from a non-production environment with its own account, region, zones
 * and VPC CIDR, promoting from the first stage) — no other edit — then run `pnpm synth`,
 * `synth --check`, `pnpm policies` and the whole invariant suite there, unchanged. Every step is a
 * child process the worker awaits.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { naming, TERRAFORM_STACKS } from '../generators/naming.js';
import { PRICE_TABLES } from '../generators/cost/prices/index.js';
import { loadRepositoryModel } from '../scripts/lib/platform.js';
import { runScript, type RunResult } from './support/run-tsx.js';
import { expectCleanForCheckAndPolicies, expectInvariantSuitePasses, outcome } from './support/copy-checks.js';
import { trackedCopy } from './support/tracked-copy.js';

const NEW = 'qa';
const ACCOUNT = '444444444444';

const model = loadRepositoryModel();
const first = model.environments[0]!;
/** The environment copied: a non-production one that does not host the tooling (staging today). */
const template = [...model.environments].reverse().find((e) => e.tier !== 'production' && !e.hostsPlatformTooling)!;
/** A region with a committed price table (generators/cost/prices/) other than the template's: synth prices every region in use. */
const REGION = PRICE_TABLES.map((t) => t.region).find((r) => r !== template.aws.region) ?? template.aws.region;
const ZONES = ['a', 'b', 'c'].map((letter) => `${REGION}${letter}`);
/** A /16 no environment uses: 10.<n>.0.0/16 for the first n whose block is free. */
const usedOctets = model.environments.map((e) => Number(e.network.vpcCidr.split('.')[1]));
const octet = [40, 50, 60, 70, 80, 90].find((n) => !usedOctets.includes(n))!;
const templateOctet = template.network.vpcCidr.split('.').slice(0, 2).join('.');

/** Replaces every occurrence; throws when nothing matches (the template's layout changed). */
function replaceAll(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`the copy of ${template.file} has no ${String(from)}: has its layout changed?`);
  return typeof from === 'string' ? text.split(from).join(to) : text.replace(from, to);
}

/** environments/qa.ts as a person writes it: the template file with its identity replaced. */
function newEnvironmentFile(source: string): string {
  let text = source;
  text = replaceAll(text, new RegExp(`export const \\w+: Environment`), `export const ${NEW}: Environment`);
  text = replaceAll(text, `name: '${template.name}'`, `name: '${NEW}'`);
  text = replaceAll(text, /promotesFrom: (null|'[^']*')/, `promotesFrom: '${first.name}'`);
  text = replaceAll(text, /hostsPlatformTooling: (true|false)/, 'hostsPlatformTooling: false');
  text = replaceAll(text, `accountId: '${template.aws.accountId}'`, `accountId: '${ACCOUNT}'`);
  text = text.split(`arn:aws:iam::${template.aws.accountId}:`).join(`arn:aws:iam::${ACCOUNT}:`);
  text = replaceAll(text, `region: '${template.aws.region}'`, `region: '${REGION}'`);
  text = replaceAll(text, /availabilityZones: \[[^\]]*\]/, `availabilityZones: [${ZONES.slice(0, template.aws.availabilityZones.length).map((z) => `'${z}'`).join(', ')}]`);
  text = replaceAll(text, `'${templateOctet}.`, `'10.${octet}.`);
  text = replaceAll(text, `domain: '${template.domain}'`, `domain: '${template.domain.replace(template.name, NEW)}'`);
  return text;
}

let root: string;
const file = (path: string) => join(root, path);
const read = (path: string) => readFile(file(path), 'utf8');
let synth: RunResult;

beforeAll(async () => {
  root = await trackedCopy();
  await writeFile(file(`environments/${NEW}.ts`), newEnvironmentFile(await read(template.file)));
  synth = await runScript(root, 'synth');
}, 600_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe(`a copy of the repository with a fourth environment (${NEW}) added as one file`, () => {
  it('synthesizes', () => {
    expect(outcome(synth)).toMatchObject({ status: 0 });
    expect(synth.stdout).toContain(`${model.environments.length + 1} environments`);
  });

  it('generates its Terraform stacks with their own state keys, its Argo CD root, Atlantis projects and CODEOWNERS', async () => {
    for (const stack of TERRAFORM_STACKS) {
      const main = await read(`${naming.terraformDir(NEW, stack.name)}/main.tf.json`);
      expect(main).toContain(`"key": "${naming.stateKey(NEW, stack.name)}"`);
      expect(main).toContain(`"region": "${REGION}"`);
    }
    expect(existsSync(file(naming.argocdRootFile(NEW)))).toBe(true);
    const atlantis = await read('atlantis.yaml');
    for (const stack of TERRAFORM_STACKS) expect(atlantis).toContain(`name: ${naming.atlantisProject(NEW, stack.name)}`);
    expect(await read('.github/CODEOWNERS')).toContain(`/generated/terraform/${NEW}/`);
  });

  it('runs what the stage it promotes from runs (no service file was edited)', async () => {
    const someService = first.services[0]!;
    const deployment = await read(`generated/kubernetes/${NEW}/${someService.name}/deployment-${someService.name}.yaml`);
    expect(deployment).toContain(`:${someService.imageTag}`);
  });

  it('is then clean for synth --check and policies', () => expectCleanForCheckAndPolicies(root), 300_000);

  it('passes the whole invariant suite, unchanged', () => expectInvariantSuitePasses(root), 900_000);
});
