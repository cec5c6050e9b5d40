/**
 * Kubernetes objects as the rules see them: each document of a YAML file with its effective
 * namespace and the resource string exceptions name (`Kind/namespace/name`, or `Kind/name` for
 * cluster-scoped kinds).
 */
import { posix } from 'node:path';
import { isClusterScoped } from '../../generators/argocd/kinds.js';
import { at, dict, isDict, list, str, type Dict } from './values.js';

export interface KubeObject {
  file: string;
  /** Position of the document in its file (0-based). */
  index: number;
  apiVersion: string;
  kind: string;
  name: string;
  /** Effective namespace; null for cluster-scoped kinds. */
  namespace: string | null;
  /** `Kind/namespace/name` or `Kind/name`. */
  resource: string;
  object: Dict;
}

export function kubeResource(kind: string, namespace: string | null, name: string): string {
  return namespace === null ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}

interface RawDocument {
  file: string;
  index: number;
  object: Dict;
}

/** Argo CD Applications of the same environment tell which namespace a folder of manifests lands in. */
function destinationByFolder(documents: RawDocument[]): Map<string, string> {
  const byFolder = new Map<string, string>();
  for (const { object } of documents) {
    if (object.kind !== 'Application' || !str(object.apiVersion)?.startsWith('argoproj.io/')) continue;
    const namespace = str(at(object, 'spec', 'destination', 'namespace'));
    const sources = [at(object, 'spec', 'source'), ...list(at(object, 'spec', 'sources'))];
    for (const source of sources) {
      const path = str(at(source, 'path'));
      if (namespace && path) byFolder.set(posix.normalize(path).replace(/\/$/, ''), namespace);
    }
  }
  return byFolder;
}

/**
 * Turns YAML documents into objects. A namespaced object without `metadata.namespace` gets the
 * destination namespace of the Argo CD Application that deploys its folder, else `default`
 * (what kubectl would use).
 */
export function kubeObjects(files: { path: string; documents: unknown[] }[]): KubeObject[] {
  const raw: RawDocument[] = files.flatMap((file) =>
    file.documents.flatMap((object, index) =>
      isDict(object) && typeof object.kind === 'string' && typeof object.apiVersion === 'string' ? [{ file: file.path, index, object }] : [],
    ),
  );
  const destinations = destinationByFolder(raw);
  return raw.map(({ file, index, object }) => {
    const kind = object.kind as string;
    const metadata = dict(object.metadata);
    const name = str(metadata.name) ?? '<unnamed>';
    const declared = str(metadata.namespace);
    const namespace = declared ?? (isClusterScoped(object.apiVersion as string, kind) ? null : (destinations.get(posix.dirname(file)) ?? 'default'));
    return { file, index, apiVersion: object.apiVersion as string, kind, name, namespace, resource: kubeResource(kind, namespace, name), object };
  });
}
