/**
 * `.terraform.lock.hcl` next to every stack's main.tf.json (and the state bootstrap's), written by
 * synth from the committed provider checksums, byte for byte as `terraform providers lock` writes
 * it (after synth's header line): so Atlantis's `init` installs exactly the reviewed provider, and a
 * lock file Terraform itself would rewrite shows up as drift in `synth --check`.
 */
import { compareStrings } from '../sort.js';
import type { GeneratedFile } from '../document.js';
import type { EnvironmentGenerator } from '../generator.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming, TERRAFORM_STACKS } from '../naming.js';
import { awsProviderHashes, type ProviderHashes } from './provider-hashes.js';

const GENERATOR = 'terraform/lock-file';
export const LOCK_FILE_NAME = '.terraform.lock.hcl';

/** One provider block: the version, the constraint main.tf.json declares (the exact pin), the sorted hashes. */
export function providerLockBlock(provider: ProviderHashes): string {
  const hashes = [...Object.values(provider.h1), ...provider.zh].sort(compareStrings);
  return [
    `provider ${JSON.stringify(provider.address)} {`,
    `  version     = ${JSON.stringify(provider.version)}`,
    `  constraints = ${JSON.stringify(provider.version)}`,
    '  hashes = [',
    ...hashes.map((h) => `    ${JSON.stringify(h)},`),
    '  ]',
    '}',
  ].join('\n');
}

export function lockFileText(providers: readonly ProviderHashes[]): string {
  return [
    '# This file is maintained automatically by "terraform init".',
    '# Manual edits may be lost in future updates.',
    '',
    providers.map(providerLockBlock).join('\n\n'),
  ].join('\n');
}

function lockFile(env: ResolvedEnvironment, dir: string): GeneratedFile {
  return {
    path: `${dir}/${LOCK_FILE_NAME}`,
    environment: env.name,
    generator: GENERATOR,
    sources: ['generators/terraform/provider-hashes.ts', 'environments/versions.ts'],
    content: { format: 'text', text: lockFileText([awsProviderHashes()]) },
  };
}

export const terraformLockGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env) => [...TERRAFORM_STACKS.map((s) => naming.terraformDir(env.name, s.name)), naming.bootstrapDir(env.name)].map((dir) => lockFile(env, dir)),
};
