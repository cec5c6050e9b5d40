/**
 * Groups rendered files by environment into what the rules read: Kubernetes objects (every YAML
 * document with apiVersion and kind), Terraform stacks (`*.tf.json`) and Atlantis projects
 * (`atlantis.yaml`, split by the environment each project plans).
 */
import { posix } from 'node:path';
import { ENV_NAMES, type EnvName } from '../../environments/types.js';
import type { FileContent, GeneratedFile } from '../../generators/document.js';
import { compareStrings } from '../../generators/sort.js';
import { atlantisProjects, type AtlantisProject } from './atlantis.js';
import { kubeObjects } from './kubernetes.js';
import { TerraformEnvironment } from './terraform.js';
import type { EnvironmentDocuments } from './types.js';
import type { Dict } from './values.js';

/** A rendered file as the engine needs it: in memory from synth, or parsed back from disk. */
export type PolicyFile = Pick<GeneratedFile, 'path' | 'environment'> & { content: FileContent };

type Key = EnvName | null;

/** Files whose environment is unknown (not in the manifest) take it from their path. */
export function environmentFromPath(path: string): EnvName | null {
  const match = /^(?:generated\/[^/]+|argocd)\/([^/]+)\//.exec(path);
  return ENV_NAMES.find((env) => env === match?.[1]) ?? null;
}

export function groupDocuments(files: readonly PolicyFile[]): Omit<EnvironmentDocuments, 'today'>[] {
  const yaml = new Map<Key, { path: string; documents: unknown[] }[]>();
  const terraform = new Map<Key, { path: string; value: Dict }[]>();
  const atlantis: AtlantisProject[] = [];
  const push = <T>(map: Map<Key, T[]>, key: Key, item: T) => {
    const items = map.get(key);
    if (items) items.push(item);
    else map.set(key, [item]);
  };

  for (const file of files) {
    const content = file.content;
    if (content.format === 'json' && file.path.endsWith('.tf.json')) push(terraform, file.environment, { path: file.path, value: content.value });
    // Only the repository's atlantis.yaml: argocd/<env>/apps/atlantis.yaml is the Atlantis Application.
    else if (content.format === 'yaml' && file.path === 'atlantis.yaml') atlantis.push(...atlantisProjects(file.path, content.documents));
    else if (content.format === 'yaml') push(yaml, file.environment, { path: file.path, documents: content.documents });
  }

  const keys = new Set<Key>([...yaml.keys(), ...terraform.keys(), ...atlantis.map((p) => p.environment)]);
  // The known environments in their order, then any other (scaled test fixtures), then repository-wide files.
  const others = [...keys].filter((k): k is EnvName => k !== null && !ENV_NAMES.includes(k)).sort(compareStrings);
  const order: Key[] = [...ENV_NAMES, ...others, null];
  return order
    .filter((key) => keys.has(key))
    .map((environment) => ({
      environment,
      kubernetes: kubeObjects(yaml.get(environment) ?? []),
      terraform: new TerraformEnvironment(terraform.get(environment) ?? []),
      atlantis: atlantis.filter((p) => p.environment === environment),
    }));
}
