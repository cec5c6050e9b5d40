/** The Kubernetes documents of the repository's generated output, in memory, grouped by environment. */
import { ENV_NAMES, type EnvName } from '../../environments/types.js';
import type { GeneratedFile } from '../../generators/document.js';
import { generators } from '../../generators/index.js';
import { synthesize } from '../../generators/pipeline.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';

export interface KubernetesDocument {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface LocatedDocument {
  path: string;
  environment: EnvName | null;
  doc: KubernetesDocument;
}

const isKubernetesDocument = (value: unknown): value is KubernetesDocument =>
  !!value && typeof value === 'object' && 'apiVersion' in value && 'kind' in value && 'metadata' in value;

export function repositoryFiles(): GeneratedFile[] {
  return synthesize(loadRepositoryModel(), generators, { environments: ENV_NAMES });
}

/** Every YAML document with an apiVersion, kind and metadata, from every generator. */
export function kubernetesDocuments(files: GeneratedFile[]): LocatedDocument[] {
  return files.flatMap((file) =>
    file.content.format === 'yaml'
      ? file.content.documents.filter(isKubernetesDocument).map((doc) => ({ path: file.path, environment: file.environment, doc }))
      : [],
  );
}
