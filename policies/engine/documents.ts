/**
 * Groups rendered files by environment into what the rules read: Kubernetes objects (every YAML
 * document with apiVersion and kind), Terraform stacks (`*.tf.json`) and Atlantis projects
 * (`atlantis.yaml`, split by the environment each project plans).
 */
import { posix } from 'node:path';
import type { Tier } from '../../environments/types.js';
import type { FileContent, GeneratedFile } from '../../generators/document.js';
import { compareStrings } from '../../generators/sort.js';
import { atlantisProjects, type AtlantisProject } from './atlantis.js';
import { kubeObjects } from './kubernetes.js';
import { TerraformEnvironment } from './terraform.js';
import type { EnvironmentDocuments } from './types.js';
import type { Dict } from './values.js';

/** A rendered file as the engine needs it: in memory from synth, or parsed back from disk. */
export type PolicyFile = Pick<GeneratedFile, 'path' | 'environment'> & { content: FileContent };

type Key = string | null;

/** Files whose environment is unknown (not in the manifest) take it from their path, when it names one of `environments`. */
export function environmentFromPath(path: string, environments: readonly string[]): string | null {
  const match = /^(?:generated\/[^/]+|argocd)\/([^/]+)\//.exec(path);
  return environments.find((env) => env === match?.[1]) ?? null;
}

/** What the grouping needs of an environment of the run: its name (order) and tier. */
export interface KnownEnvironment {
  name: string;
  tier: Tier;
}

/**
 * `environments`: the environments of the run, in promotion order; groups follow that order, then
 * any other environment the files name (by name), then the repository-wide files.
 */
export function groupDocuments(files: readonly PolicyFile[], environments: readonly KnownEnvironment[] = []): Omit<EnvironmentDocuments, 'today'>[] {
  const names = environments.map((env) => env.name);
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
    else if (content.format === 'yaml' && file.path === 'atlantis.yaml') atlantis.push(...atlantisProjects(file.path, content.documents, names));
    else if (content.format === 'yaml') push(yaml, file.environment, { path: file.path, documents: content.documents });
  }

  const keys = new Set<Key>([...yaml.keys(), ...terraform.keys(), ...atlantis.map((p) => p.environment)]);
  // The known environments in their order, then any other (scaled test fixtures), then repository-wide files.
  const others = [...keys].filter((k): k is string => k !== null && !names.includes(k)).sort(compareStrings);
  const order: Key[] = [...names, ...others, null];
  return order
    .filter((key) => keys.has(key))
    .map((environment) => ({
      environment,
      tier: environments.find((env) => env.name === environment)?.tier ?? null,
      kubernetes: kubeObjects(yaml.get(environment) ?? []),
      terraform: new TerraformEnvironment(terraform.get(environment) ?? []),
      atlantis: atlantis.filter((p) => p.environment === environment),
    }));
}
