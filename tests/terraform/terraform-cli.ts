/**
 * Runs the real Terraform CLI offline, with a CLI configuration written to the test's workspace
 * (the ambient TF_CLI_CONFIG_FILE may point anywhere). Workspaces live in the repository's ignored
 * `.cache/terraform/`, never outside the repository:
 *  - when the machine has the local filesystem mirror, hashicorp providers come from it: `init`
 *    links each working directory to the mirror's unpacked provider, one read-only install that
 *    every directory shares, so inits may run in parallel;
 *  - otherwise they come from the registry into one plugin cache in the workspace, shared by every
 *    directory of that test file (not across files: vitest runs two files at once, and an `init`
 *    may replace the cache's entry while another process executes it, "text file busy", "no such
 *    file"); within a file, inits then run one at a time (`sharedCache`).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/tree.js';

export const PROVIDER_MIRROR = '/opt/tf-plugins';
/** Ignored by Git (`/.cache/`): the Terraform workspaces of the tests. */
export const TERRAFORM_CACHE = join(REPO_ROOT, '.cache', 'terraform');

/** A fresh working directory for one test file's Terraform runs, inside `.cache/terraform/`. */
export function terraformWorkspace(prefix: string): string {
  mkdirSync(TERRAFORM_CACHE, { recursive: true });
  return mkdtempSync(join(TERRAFORM_CACHE, `${prefix}-`));
}

export function cliConfig(pluginCacheDir: string | null, mirror: string | null): string {
  const installation = mirror
    ? `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}`
    : `provider_installation {
  direct {}
}`;
  const cache = pluginCacheDir ? `plugin_cache_dir = ${JSON.stringify(pluginCacheDir)}\n` : '';
  return `${cache}disable_checkpoint = true\n${installation}\n`;
}

export interface Terraform {
  run(args: string[], cwd: string): Promise<TerraformResult>;
  /** True when providers go through a plugin cache that `init` writes: run inits one at a time. */
  sharedCache: boolean;
}

export interface TerraformResult {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
}

/** Writes the CLI configuration into `workspace` (and creates the plugin cache, without a mirror) and returns a runner using them. */
export function offlineTerraform(workspace: string, mirror = PROVIDER_MIRROR, sharedPluginCache = join(workspace, 'plugin-cache')): Terraform {
  const useMirror = existsSync(mirror);
  const pluginCache = useMirror ? null : sharedPluginCache;
  if (pluginCache) mkdirSync(pluginCache, { recursive: true });
  const configFile = join(workspace, 'terraform.tfrc');
  writeFileSync(configFile, cliConfig(pluginCache, useMirror ? mirror : null));
  const env = { ...process.env, TF_CLI_CONFIG_FILE: configFile, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' };
  return {
    sharedCache: pluginCache !== null,
    run: (args, cwd) =>
      new Promise((resolve) => {
        execFile('terraform', args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ args, code, stdout, stderr: stderr || (error && typeof error.code !== 'number' ? error.message : '') });
        });
      }),
  };
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
