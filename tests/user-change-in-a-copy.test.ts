/**
 * The suite survives a user's normal change. In a copy of the repository, make the README's everyday
 * changes by editing files as a person would — add a service (`services/<name>/service.ts`), trial
 * an add-on version in one environment, add a node pool — run `pnpm synth`, and then run the whole
 * invariant suite (`tests/invariants/`) in the copy, unchanged. Every step is a child process the
 * worker awaits, never a synchronous one.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartVersions } from '../environments/versions.js';
import { runScript, type RunResult as ProcessResult } from './support/run-tsx.js';
import { expectCleanForCheckAndPolicies, expectInvariantSuitePasses, outcome } from './support/copy-checks.js';
import { trackedCopy } from './support/tracked-copy.js';

const SERVICE = 'billing';
const POOL = 'batch';
const ADDON = 'metrics-server';
/** A version of ADDON that differs from the shared pin (its last number plus one). */
const TRIAL_VERSION = chartVersions[ADDON].replace(/(\d+)$/, (n) => String(Number(n) + 1));

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

let synth: ProcessResult;

beforeAll(async () => {
  root = await trackedCopy();

  // 1. Add a service: one file.
  await write(`services/${SERVICE}/service.ts`, serviceSource);
  // Services are discovered from the folder; a tree that still lists them in services/index.ts gets it registered there too.
  if (existsSync(file('services/index.ts')) && /from '\.\/[a-z0-9-]+\/service\.js'/.test(await read('services/index.ts'))) {
    await edit('services/index.ts', (text) =>
      text
        .replace(/(import [^\n]+ from '\.\/[a-z0-9-]+\/service\.js';\n)(?![\s\S]*import [^\n]+ from '\.\/[a-z0-9-]+\/service\.js';)/, `$1import { billing } from './${SERVICE}/service.js';\n`)
        .replace(/\n\];/, `\n  { file: 'services/${SERVICE}/service.ts', definition: billing },\n];`),
    );
  }
  // 2. Trial an add-on version in dev only.
  await edit('environments/dev.ts', (text) => text.replace('addons: { ...chartVersions }', `addons: { ...chartVersions, '${ADDON}': '${TRIAL_VERSION}' }`));
  // 3. Add a node pool to dev, after the existing ones.
  await edit('environments/dev.ts', (text) => text.replace(/(\n {4}nodePools: \[\n[\s\S]*?\n)( {4}\],\n)/, `$1${poolSource}$2`));

  synth = await runScript(root, 'synth');
}, 600_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a copy of the repository with a new service, an add-on trial and a node pool', () => {
  it('synthesizes', () => {
    expect(outcome(synth)).toMatchObject({ status: 0 });
  });

  it('generates the service, the trial version and the pool', async () => {
    expect(existsSync(file(`generated/kubernetes/dev/${SERVICE}/deployment-${SERVICE}.yaml`))).toBe(true);
    expect(existsSync(file(`argocd/prod/apps/${SERVICE}.yaml`))).toBe(true);
    expect(await read(`argocd/dev/apps/${ADDON}.yaml`)).toContain(`targetRevision: ${TRIAL_VERSION}`);
    expect(await read(`argocd/staging/apps/${ADDON}.yaml`)).not.toContain(`targetRevision: ${TRIAL_VERSION}`);
    expect(await read('generated/terraform/dev/cluster/main.tf.json')).toContain(`"node_group_${POOL}"`);
  });

  it('is then clean for synth --check and policies', () => expectCleanForCheckAndPolicies(root), 300_000);

  it('passes the whole invariant suite, unchanged', () => expectInvariantSuitePasses(root), 900_000);
});
