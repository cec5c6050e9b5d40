/**
 * Runs the real Terraform CLI offline: a CLI configuration written to a temporary directory (the
 * ambient TF_CLI_CONFIG_FILE may point anywhere) installs hashicorp providers from the local
 * filesystem mirror when the machine has one and from the registry otherwise, into one shared
 * plugin cache, so every working directory links the same provider binary instead of copying it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROVIDER_MIRROR = '/opt/tf-plugins';

export function cliConfig(pluginCacheDir: string, mirror: string | null): string {
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
  return `plugin_cache_dir = ${JSON.stringify(pluginCacheDir)}\ndisable_checkpoint = true\n${installation}\n`;
}

export interface Terraform {
  run(args: string[], cwd: string): Promise<TerraformResult>;
}

export interface TerraformResult {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
}

/** Prepares the CLI configuration and plugin cache under `workspace` and returns a runner using them. */
export function offlineTerraform(workspace: string): Terraform {
  const pluginCache = join(workspace, 'plugin-cache');
  mkdirSync(pluginCache, { recursive: true });
  const configFile = join(workspace, 'terraform.tfrc');
  writeFileSync(configFile, cliConfig(pluginCache, existsSync(PROVIDER_MIRROR) ? PROVIDER_MIRROR : null));
  const env = { ...process.env, TF_CLI_CONFIG_FILE: configFile, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' };
  return {
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
