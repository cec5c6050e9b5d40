import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/tree.js';
import { cliConfig, mapLimit, offlineTerraform, terraformWorkspace } from './terraform-cli.js';

describe('cliConfig', () => {
  it('installs hashicorp providers from the mirror, anything else from the registry, and keeps no cache', () => {
    expect(cliConfig(null, '/opt/tf-plugins')).toBe(
      [
        'disable_checkpoint = true',
        'provider_installation {',
        '  filesystem_mirror {',
        '    path    = "/opt/tf-plugins"',
        '    include = ["registry.terraform.io/hashicorp/*"]',
        '  }',
        '  direct {',
        '    exclude = ["registry.terraform.io/hashicorp/*"]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('without a mirror, downloads from the registry into one plugin cache', () => {
    expect(cliConfig('/tmp/x/plugin-cache', null)).toBe('plugin_cache_dir = "/tmp/x/plugin-cache"\ndisable_checkpoint = true\nprovider_installation {\n  direct {}\n}\n');
  });
});

describe('offlineTerraform', () => {
  let workspace = '';
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('works inside the repository and reports a shared cache only when there is no mirror', () => {
    workspace = terraformWorkspace('terraform-cli');
    expect(relative(join(REPO_ROOT, '.cache'), workspace)).toMatch(/^terraform\/terraform-cli-[^/]+$/);
    expect(offlineTerraform(workspace, join(workspace, 'no-mirror')).sharedCache).toBe(true);
    expect(readFileSync(join(workspace, 'terraform.tfrc'), 'utf8')).toContain(`plugin_cache_dir = "${join(workspace, 'plugin-cache')}"`);
    expect(offlineTerraform(workspace, workspace).sharedCache).toBe(false);
  });
});

describe('mapLimit', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimit([30, 10, 20, 5, 1], 2, async (ms) => {
      peak = Math.max(peak, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(results).toEqual([60, 20, 40, 10, 2]);
    expect(peak).toBe(2);
  });
});
