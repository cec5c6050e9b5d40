/**
 * Where generated output lives, read backwards: which artifact, environment, stack or app a
 * repository path belongs to. The patterns are derived from the naming contract's own layout
 * functions (called with placeholders), so a layout change in generators/naming.ts carries over.
 */

import { naming, type StackName } from '../../../generators/naming.js';
import { MANIFEST_PATH } from '../manifest.js';

/** The Atlantis repo config, generated at the repository root. */
export const ATLANTIS_CONFIG_PATH = 'atlantis.yaml';

export type OutputFile =
  | { artifact: 'terraform'; env: string; stack: string }
  | { artifact: 'kubernetes'; env: string; app: string }
  | { artifact: 'argocd'; env: string }
  | { artifact: 'atlantis' }
  | { artifact: 'manifest' }
  | { artifact: 'other' };

const ENV = '\u0000env\u0000';
const NAME = '\u0000name\u0000';
const SEGMENT = '([^/]+)';

function dirPattern(template: string, suffix: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(ENV, SEGMENT).replace(NAME, SEGMENT)}/${suffix}$`);
}

const TERRAFORM = dirPattern(naming.terraformDir(ENV as string, NAME as StackName), '[^/]+\\.tf\\.json');
const KUBERNETES = dirPattern(naming.kubernetesDir(ENV as string, NAME), '.+\\.ya?ml');
const ARGOCD = dirPattern(naming.argocdDir(ENV as string), '.+\\.ya?ml');

export function classifyPath(path: string): OutputFile {
  let match = TERRAFORM.exec(path);
  if (match) return { artifact: 'terraform', env: match[1]!, stack: match[2]! };
  match = KUBERNETES.exec(path);
  if (match) return { artifact: 'kubernetes', env: match[1]!, app: match[2]! };
  match = ARGOCD.exec(path);
  if (match) return { artifact: 'argocd', env: match[1]! };
  if (path === ATLANTIS_CONFIG_PATH) return { artifact: 'atlantis' };
  if (path === MANIFEST_PATH) return { artifact: 'manifest' };
  return { artifact: 'other' };
}

/** The environment and stack of a Terraform project directory, e.g. generated/terraform/dev/network. */
export function terraformDirOf(dir: string): { env: string; stack: string } | undefined {
  const file = classifyPath(`${dir.replace(/\/+$/, '')}/main.tf.json`);
  return file.artifact === 'terraform' ? { env: file.env, stack: file.stack } : undefined;
}
