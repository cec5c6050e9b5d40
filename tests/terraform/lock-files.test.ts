/**
 * Every generated stack comes with the lock file Atlantis initializes with, for the provider
 * version it pins, and declares the Terraform versions it accepts; and real Terraform accepts the
 * committed lock unchanged (`init -lockfile=readonly` against the provider mirror, one stack: the
 * full offline-plan suite does the same for all of them).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tools } from '../../environments/versions.js';
import { generatedStacks } from './generated-stacks.js';
import { offlineTerraform, terraformWorkspace } from './terraform-cli.js';

const stacks = await generatedStacks();
const label = (s: { env: string; stack: string }) => `${s.env}/${s.stack}`;

/** The provider blocks of a lock file: address → version, constraints and hashes. */
function lockedProviders(text: string): Map<string, { version?: string; constraints?: string; hashes: string[] }> {
  const providers = new Map<string, { version?: string; constraints?: string; hashes: string[] }>();
  for (const block of text.matchAll(/^provider "([^"]+)" \{\n([\s\S]*?)^\}/gm)) {
    const body = block[2]!;
    providers.set(block[1]!, {
      version: /^\s*version\s*=\s*"([^"]+)"/m.exec(body)?.[1],
      constraints: /^\s*constraints\s*=\s*"([^"]+)"/m.exec(body)?.[1],
      hashes: [...body.matchAll(/"((?:h1|zh):[^"]+)"/g)].map((m) => m[1]!),
    });
  }
  return providers;
}

describe.each(stacks.map((s) => ({ name: label(s), stack: s })))('$name', ({ stack }) => {
  const terraform = stack.json.terraform as { required_version?: string; required_providers?: Record<string, { source: string; version: string }> };

  it('has a lock file pinning every required provider at the version main.tf.json requires', () => {
    expect(stack.lock, `${stack.path} has no .terraform.lock.hcl next to it`).not.toBeNull();
    const locked = lockedProviders(stack.lock!);
    const required = Object.values(terraform.required_providers ?? {});
    expect(required.length).toBeGreaterThan(0);
    expect([...locked.keys()].sort()).toEqual(required.map((p) => `registry.terraform.io/${p.source}`).sort());
    for (const provider of required) {
      const entry = locked.get(`registry.terraform.io/${provider.source}`)!;
      expect(entry.version).toBe(provider.version);
      expect(entry.constraints).toBe(provider.version);
      expect(entry.hashes.some((h) => h.startsWith('h1:'))).toBe(true);
      expect(entry.hashes.filter((h) => h.startsWith('zh:')).length).toBeGreaterThanOrEqual(4);
    }
    expect(locked.get('registry.terraform.io/hashicorp/aws')?.version).toBe(tools.awsProvider);
  });

  it('declares the Terraform versions it accepts, which include the pinned one', () => {
    expect(terraform.required_version).toBe(`~> ${tools.terraform}`);
  });
});

describe('the committed lock file with real Terraform', () => {
  const workspace = terraformWorkspace('lock');
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('initializes one stack with -lockfile=readonly: the provider matches the lock and the lock needs no change', async () => {
    const stack = stacks.find((s) => s.stack === 'network')!;
    const dir = join(workspace, 'stack');
    const terraform = offlineTerraform(workspace);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.tf.json'), stack.text);
    writeFileSync(join(dir, '.terraform.lock.hcl'), stack.lock!);
    const result = await terraform.run(['init', '-backend=false', '-input=false', '-no-color', '-lockfile=readonly'], dir);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  }, 120_000);
});
