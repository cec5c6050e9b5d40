import { describe, expect, it } from 'vitest';
import { lockFileText, providerLockBlock } from './lock-file.js';

const provider = {
  address: 'registry.terraform.io/hashicorp/example',
  version: '1.2.3',
  h1: { linux_amd64: 'h1:bbbb=', darwin_arm64: 'h1:aaaa=' },
  zh: ['zh:ffff', 'zh:0000'],
};

describe('lock file rendering', () => {
  it('writes a provider block as `terraform providers lock` does: pinned constraint, hashes sorted', () => {
    expect(providerLockBlock(provider)).toBe(
      [
        'provider "registry.terraform.io/hashicorp/example" {',
        '  version     = "1.2.3"',
        '  constraints = "1.2.3"',
        '  hashes = [',
        '    "h1:aaaa=",',
        '    "h1:bbbb=",',
        '    "zh:0000",',
        '    "zh:ffff",',
        '  ]',
        '}',
      ].join('\n'),
    );
  });

  it("starts with Terraform's own header and separates providers by a blank line", () => {
    const text = lockFileText([provider, { ...provider, address: 'registry.terraform.io/hashicorp/other' }]);
    expect(text.startsWith('# This file is maintained automatically by "terraform init".\n# Manual edits may be lost in future updates.\n\nprovider ')).toBe(true);
    expect(text).toContain('}\n\nprovider "registry.terraform.io/hashicorp/other" {');
  });
});
