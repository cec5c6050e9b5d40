/**
 * The suite survives a user's normal changes. In ONE copy of the repository, make the README's
 * everyday changes by editing files as a person would: add a service (`services/<name>/service.ts`),
 * trial an add-on version in one environment, add a node pool, and add a fourth environment `qa`
 * as one new file (environments/qa.ts, copied from a non-production environment with its own
 * account, region, zones and VPC CIDR, promoting from the first stage). Then run `pnpm synth`,
 * `synth --check`, `pnpm policies` and the whole invariant suite there, unchanged. One copy for all
 * of them: the invariant suite, the costly part, runs once over every change. Every step is a
 * child process the worker awaits, never a synchronous one.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartVersions } from '../environments/versions.js';
import { PRICE_TABLES } from '../generators/cost/prices/index.js';
import { naming, TERRAFORM_STACKS } from '../generators/naming.js';
import { loadRepositoryModel } from '../scripts/lib/platform.js';
import { expectCleanForCheckAndPolicies, expectInvariantSuitePasses, outcome } from './support/copy-checks.js';
import { runScript, type RunResult } from './support/run-tsx.js';
import { trackedCopy } from './support/tracked-copy.js';

const SERVICE = 'billing';
const POOL = 'batch';
const ADDON = 'metrics-server';
/** A version of ADDON that differs from the shared pin (its last number plus one). */
const TRIAL_VERSION = chartVersions[ADDON].replace(/(\d+)$/, (n) => String(Number(n) + 1));

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

const serviceSource = `import { defineService } from '../define-service.js';

/** Invoices customers (added by the user-change test, exactly as the README describes). */
export const billing = defineService({
  name: '${SERVICE}',
  team: 'billing',
  description: 'Computes and sends invoices.',
  kind: 'worker',
  port: 8080,
  probes: { startupPath: '/health/started', readinessPath: '/health/ready', livenessPath: '/health/live' },
  resources: { cpuRequest: '250m', memoryRequest: '256Mi', cpuLimit: '1', memoryLimit: '512Mi' },
  replicas: { min: 2, max: 4 },
  autoscaling: { targetCpuPercent: 70, targetRequestsPerSecond: 0 },
  minAvailable: 1,
  metrics: {
    port: 8080,
    path: '/metrics',
    families: [
      { name: 'http_requests_total', type: 'counter' },
      { name: 'http_request_duration_seconds', type: 'histogram' },
    ],
  },
  routes: [],
  dependencies: { database: 'none', cache: false, topics: [], buckets: [], secrets: [], calls: [] },
  config: { LOG_LEVEL: 'info' },
  environments: {
    dev: { imageTag: '0.1.0' },
    staging: { imageTag: '0.1.0' },
    prod: { imageTag: '0.1.0' },
  },
});
`;

const poolSource = `      {
        name: '${POOL}',
        instanceTypes: ['c6i.xlarge', 'c6a.xlarge'],
        capacityType: 'SPOT',
        architecture: 'x86_64',
        minSize: 0,
        desiredSize: 1,
        maxSize: 3,
        diskSizeGiB: 50,
        labels: { 'platform.acme.example/pool': '${POOL}' },
        taints: [{ key: 'platform.acme.example/pool', value: '${POOL}', effect: 'NoSchedule' }],
      },
`;

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
async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(file(path)), { recursive: true });
  await writeFile(file(path), text);
}
async function edit(path: string, change: (text: string) => string): Promise<void> {
  const before = await read(path);
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing: has its layout changed?`);
  await write(path, after);
}

let synth: RunResult;

beforeAll(async () => {
  root = await trackedCopy();

  // 1. Add a service: one file.
  await write(`services/${SERVICE}/service.ts`, serviceSource);
  // 2. Trial an add-on version in the first stage only.
  await edit(first.file, (text) => text.replace('addons: { ...chartVersions }', `addons: { ...chartVersions, '${ADDON}': '${TRIAL_VERSION}' }`));
  // 3. Add a node pool to the first stage, after the existing ones.
  await edit(first.file, (text) => text.replace(/(\n {4}nodePools: \[\n[\s\S]*?\n)( {4}\],\n)/, `$1${poolSource}$2`));
  // 4. Add an environment: one file, no other edit.
  await write(`environments/${NEW}.ts`, newEnvironmentFile(await read(template.file)));

  synth = await runScript(root, 'synth');
}, 600_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe(`a copy of the repository with a new service, an add-on trial, a node pool and a fourth environment (${NEW})`, () => {
  it('synthesizes', () => {
    expect(outcome(synth)).toMatchObject({ status: 0 });
    expect(synth.stdout).toContain(`${model.environments.length + 1} environments`);
  });

  it('generates the service, the trial version and the pool', async () => {
    expect(existsSync(file(`generated/kubernetes/${first.name}/${SERVICE}/deployment-${SERVICE}.yaml`))).toBe(true);
    for (const env of model.environments) expect(existsSync(file(`argocd/${env.name}/apps/${SERVICE}.yaml`))).toBe(true);
    expect(await read(`argocd/${first.name}/apps/${ADDON}.yaml`)).toContain(`targetRevision: ${TRIAL_VERSION}`);
    for (const env of model.environments.slice(1)) expect(await read(`argocd/${env.name}/apps/${ADDON}.yaml`)).not.toContain(`targetRevision: ${TRIAL_VERSION}`);
    expect(await read(`generated/terraform/${first.name}/cluster/main.tf.json`)).toContain(`"node_group_${POOL}"`);
  });

  it(`generates ${NEW}'s Terraform stacks with their own state keys, its Argo CD root, Atlantis projects and CODEOWNERS`, async () => {
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

  it(`${NEW} runs what the stage it promotes from runs, the new service included (no service entry names ${NEW})`, async () => {
    for (const service of [...first.services.map((s) => ({ name: s.name, imageTag: s.imageTag })), { name: SERVICE, imageTag: '0.1.0' }]) {
      const deployment = await read(`generated/kubernetes/${NEW}/${service.name}/deployment-${service.name}.yaml`);
      expect(deployment).toContain(`:${service.imageTag}`);
    }
  });

  it('is then clean for synth --check and policies', () => expectCleanForCheckAndPolicies(root), 300_000);

  it('passes the whole invariant suite, unchanged', () => expectInvariantSuitePasses(root), 900_000);
});
