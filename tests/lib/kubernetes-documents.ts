/** The Kubernetes documents of the repository's generated output, in memory, grouped by environment. */

import type { GeneratedFile } from '../../generators/document.js';
import { repositoryOutput } from '../support/repository-output.js';

export interface KubernetesDocument {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface LocatedDocument {
  path: string;
  environment: string | null;
  doc: KubernetesDocument;
}

const isKubernetesDocument = (value: unknown): value is KubernetesDocument =>
  !!value && typeof value === 'object' && 'apiVersion' in value && 'kind' in value && 'metadata' in value;

/** The repository's generated files (the shared, stepwise synthesis). */
export async function repositoryFiles(): Promise<GeneratedFile[]> {
  return (await repositoryOutput()).files;
}

/** Every YAML document with an apiVersion, kind and metadata, from every generator. */
export function kubernetesDocuments(files: GeneratedFile[]): LocatedDocument[] {
  return files.flatMap((file) =>
    file.content.format === 'yaml'
      ? file.content.documents.filter(isKubernetesDocument).map((doc) => ({ path: file.path, environment: file.environment, doc }))
      : [],
  );
}
