/**
 * Scenarios on a copy of the repository: a hand edit to committed output that makes it insecure
 * fails `pnpm policies`, naming the rule and the file; an exception excuses it until it expires;
 * synth refuses to write while an exception has expired.
 *
 * The committed output on this branch has no Deployment or S3 bucket yet, so the scenarios commit
 * fixture files in the generated layout first (a compliant app and a compliant data stack). The
 * last tests repeat the edits on the real committed output whenever it holds such files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../generators/document.js';
import { renderFile } from '../generators/render.js';
import { MANIFEST_PATH, manifestEntry, manifestFile, parseManifest } from '../scripts/lib/manifest.js';
import { compliantApp } from '../policies/testing/kubernetes-fixtures.js';
import { compliantDataStack } from '../policies/testing/terraform-fixtures.js';
import { BEFORE_ANY_EXPIRY } from './support/dates.js';
import { REPO_ROOT, tempRepo, type TempRepo } from './support/temp-repo.js';

const DEPLOYMENT = 'generated/kubernetes/prod/api/deployment.yaml';
const STACK = 'generated/terraform/prod/data/main.tf.json';

/**
 * The fixture app moved to prod, as generated files, and the fixture data stack where the repository
 * has none. A committed prod data stack stays as it is: replacing it would break whole-environment
 * rules (bring-up needs the secrets it creates); it holds the same compliant `bucket_raw`.
 */
function fixtureFiles(): GeneratedFile[] {
  const app = compliantApp().map((f) => ({ ...f, path: f.path.replace('/dev/', '/prod/'), environment: 'prod' as const, generator: 'fixture', sources: ['policies/testing/'] }));
  return [...app, ...(existsSync(join(REPO_ROOT, STACK)) ? [] : [compliantDataStack('prod')])];
}

/** Writes files as synth would (rendered, with the generated header) and adds them to the manifest. */
function commit(repo: TempRepo, files: GeneratedFile[]): void {
  for (const file of files) repo.write(file.path, renderFile(file));
  const entries = parseManifest(repo.read(MANIFEST_PATH)).filter((e) => !files.some((f) => f.path === e.path));
  repo.write(MANIFEST_PATH, renderFile(manifestFile([...entries, ...files.map(manifestEntry)])));
}

const runAsRoot = (text: string) => text.replace('runAsNonRoot: true', 'runAsNonRoot: false');
function removePublicAccessBlocks(text: string): string {
  const json = JSON.parse(text) as { resource: Record<string, unknown> };
  delete json.resource.aws_s3_bucket_public_access_block;
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Adds an exception to an environment file's `policyExceptions` list. */
const addException = (exception: string) => (text: string) => text.replace('policyExceptions: [', `policyExceptions: [\n    ${exception},`);
const ROOT_EXCEPTION = "{ rule: 'K8S-001', resource: 'Deployment/platform-apps/api', reason: 'vendor image runs as root until 2.0, PLAT-123', expires: '2000-06-30' }";

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

function withFixtures(): TempRepo {
  repo = tempRepo();
  commit(repo, fixtureFiles());
  return repo;
}

describe('pnpm policies on committed files', () => {
  it('passes on compliant committed output', async () => {
    const { status, output } = await withFixtures().run('policies', '--today', BEFORE_ANY_EXPIRY);
    expect(output).toMatch(/^0 policy error\(s\)/m);
    expect(status).toBe(0);
  });

  it('fails when a committed Deployment is edited to run as root, naming the rule and the file', async () => {
    const r = withFixtures();
    r.edit(DEPLOYMENT, runAsRoot);
    const { status, output } = await r.run('policies', '--today', BEFORE_ANY_EXPIRY);
    expect(output).toContain(`error K8S-001 prod ${DEPLOYMENT} Deployment/platform-apps/api: container "api": runAsNonRoot is not true`);
    expect(status).toBe(1);
  });

  it('fails when the S3 public access block is removed from a committed stack, naming the rule and the file', async () => {
    const r = withFixtures();
    r.edit(STACK, removePublicAccessBlocks);
    const { status, output } = await r.run('policies', '--today', BEFORE_ANY_EXPIRY);
    expect(output).toContain(`error TF-003 prod ${STACK} aws_s3_bucket.bucket_raw: no aws_s3_bucket_public_access_block for this bucket`);
    expect(status).toBe(1);
  });

  it('accepts the violation while a dated exception is in force, lists it, and fails the day after it expires', async () => {
    const r = withFixtures();
    r.edit(DEPLOYMENT, runAsRoot);
    r.edit('environments/prod.ts', addException(ROOT_EXCEPTION));

    const inForce = await r.run('policies', '--today', '2000-06-30');
    expect(inForce.output).toContain('prod K8S-001 Deployment/platform-apps/api until 2000-06-30: vendor image runs as root until 2.0, PLAT-123');
    expect(inForce.output).toMatch(/^0 policy error\(s\), \d+ warning\(s\), \d+ excused by exceptions\.$/m);
    expect(inForce.status).toBe(0);

    const expired = await r.run('policies', '--today', '2000-07-01');
    expect(expired.output).toContain(`error K8S-001 prod ${DEPLOYMENT} Deployment/platform-apps/api: container "api": runAsNonRoot is not true`);
    expect(expired.output).toContain('error K8S-001 prod environments/prod.ts Deployment/platform-apps/api: policyExceptions[0].expires: policy exception expired on 2000-06-30');
    expect(expired.status).toBe(1);
  });

  it('rejects a malformed --today', async () => {
    const { status, output } = await withFixtures().run('policies', '--today', '30/06/2030');
    expect(output).toContain('--today: expected a date as YYYY-MM-DD, got "30/06/2030"');
    expect(status).toBe(1);
  });
});

describe('pnpm synth with policies', () => {
  it('writes nothing and exits 1 while an exception has expired', async () => {
    repo = tempRepo();
    const r = repo;
    r.edit('environments/dev.ts', addException("{ rule: 'TF-003', resource: 'aws_s3_bucket.old', reason: 'migration', expires: '2020-01-01' }"));
    const manifestBefore = r.read(MANIFEST_PATH);
    const { status, output } = await r.run('synth');
    expect(output).toContain('error TF-003 dev environments/dev.ts aws_s3_bucket.old: policyExceptions[0].expires: policy exception expired on 2020-01-01');
    expect(output).toContain('Nothing was written.');
    expect(status).toBe(1);
    expect(r.read(MANIFEST_PATH)).toBe(manifestBefore);
  });
});

/** Committed files of the real repository that hold what the scenarios edit (none on main yet). */
function realFile(dir: string, ext: string, matches: (text: string) => boolean): string | undefined {
  const full = join(REPO_ROOT, dir);
  if (!existsSync(full)) return undefined;
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((p) => `${dir}/${p.split('\\').join('/')}`)
    .filter((p) => p.endsWith(ext) && !p.includes('/kyverno-policies/'))
    .sort()
    .find((p) => matches(readFileSync(join(REPO_ROOT, p), 'utf8')));
}
const realDeployment = realFile('generated/kubernetes', '.yaml', (t) => /^kind: Deployment$/m.test(t) && t.includes('runAsNonRoot: true'));
const realStack = realFile('generated/terraform', '.tf.json', (t) => t.includes('"aws_s3_bucket_public_access_block"'));

describe('the same edits on the real committed output', () => {
  it.runIf(realDeployment)(`fail on ${realDeployment ?? 'a committed Deployment'} running as root`, async () => {
    repo = tempRepo();
    repo.edit(realDeployment!, runAsRoot);
    const { status, output } = await repo.run('policies');
    expect(output).toMatch(new RegExp(`error K8S-001 \\S+ ${realDeployment!.replace(/[.]/g, '\\.')} Deployment/`));
    expect(status).toBe(1);
  });

  it.runIf(realStack)(`fail on ${realStack ?? 'a committed stack'} without its S3 public access blocks`, async () => {
    repo = tempRepo();
    repo.edit(realStack!, removePublicAccessBlocks);
    const { status, output } = await repo.run('policies');
    expect(output).toMatch(new RegExp(`error TF-003 \\S+ ${realStack!.replace(/[.]/g, '\\.')} aws_s3_bucket\\.`));
    expect(status).toBe(1);
  });
});
