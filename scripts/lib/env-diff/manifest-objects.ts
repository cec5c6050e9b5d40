/**
 * Kubernetes-style YAML objects (plain manifests and Argo CD resources alike): parsing, identity
 * (API group, kind, namespace, name — not the file they sit in, nor the API version), what in them
 * is secret, and the identity-keyed diff of two sets of objects.
 */
import { parseAllDocuments } from 'yaml';
import { compareNatural } from './natural-order.js';
import type { DiffEntry } from './diff-entry.js';
import { pairRenames } from './renames.js';
import { hasSensitiveName, type SensitivityRule } from './secrets.js';
import { deepEqual, diffFields } from './structural-diff.js';
import type { ArgoCdItem, ChangeKind } from './types.js';
import { isRecord } from './paths.js';

/** An object-level change: the shape of Argo CD items, and of Kubernetes items minus their app. */
export type ObjectItem = ArgoCdItem;

export interface ManifestObject {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  /** The object without `status` (not configuration). */
  body: Record<string, unknown>;
}


/** Kind given to YAML documents that are not Kubernetes objects (Helm values files): identified by their file. */
export const FILE_KIND = 'File';

/**
 * Parses a multi-document YAML file. A document without `kind` (a values file) becomes a `File`
 * object named after its path, so it is still diffed field by field; problems name file and document.
 */
export function parseManifestFile(path: string, text: string): { objects: ManifestObject[]; problems: string[] } {
  const objects: ManifestObject[] = [];
  const problems: string[] = [];
  const documents = parseAllDocuments(text);
  documents.forEach((doc, index) => {
    const where = `${path} (document ${index + 1})`;
    if (doc.errors.length > 0) return void problems.push(`${where}: not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return;
    if (!isRecord(value) || value.kind === undefined) {
      const name = documents.length > 1 ? `${path}#${index + 1}` : path;
      return void objects.push({ apiVersion: '', kind: FILE_KIND, namespace: '', name, body: isRecord(value) ? value : { value } });
    }
    const metadata = isRecord(value.metadata) ? value.metadata : undefined;
    if (typeof value.kind !== 'string' || typeof metadata?.name !== 'string') {
      return void problems.push(`${where}: expected a Kubernetes object with kind and metadata.name`);
    }
    const { status: _status, ...body } = value;
    objects.push({
      apiVersion: typeof value.apiVersion === 'string' ? value.apiVersion : '',
      kind: value.kind,
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : '',
      name: metadata.name,
      body,
    });
  });
  return { objects, problems };
}

const apiGroup = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : 'core');

export function objectKey(object: ManifestObject): string {
  return [apiGroup(object.apiVersion), object.kind, object.namespace, object.name].join('\u0000');
}

/** `Deployment platform-apps/api-gateway`, `Namespace platform-apps`. */
export function objectLabel(object: Pick<ManifestObject, 'kind' | 'namespace' | 'name'>): string {
  return `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
}

/** Secret data, the data an ExternalSecret's template renders into its Secret, and secret-named fields. */
export function manifestSensitivity(kind: string): SensitivityRule {
  return (path) => {
    if (kind === 'Secret' && (path[0] === 'data' || path[0] === 'stringData')) return true;
    if (kind === 'ExternalSecret' && path[0] === 'spec' && path[1] === 'target' && path[2] === 'template' && (path[3] === 'data' || path[3] === 'stringData')) {
      return true;
    }
    return hasSensitiveName(path);
  };
}

/** Indexes objects by identity; a second object with the same identity is reported, the last one wins. */
export function indexObjects(objects: ManifestObject[], problems: string[], where: string): Map<string, ManifestObject> {
  const index = new Map<string, ManifestObject>();
  for (const object of objects) {
    const key = objectKey(object);
    if (index.has(key)) problems.push(`${where}: ${objectLabel(object)} is defined more than once`);
    index.set(key, object);
  }
  return index;
}

function objectItem(change: ChangeKind, object: ManifestObject): ObjectItem {
  return { change, apiVersion: object.apiVersion, kind: object.kind, namespace: object.namespace, name: object.name, fields: [], risks: [] };
}

/** Identity-keyed diff of two object sets, in identity order, with likely renames marked. */
export function diffObjectSets(before: Map<string, ManifestObject>, after: Map<string, ManifestObject>): DiffEntry<ObjectItem>[] {
  const entries: (DiffEntry<ObjectItem> & { key: string })[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort(compareNatural)) {
    const [b, a] = [before.get(key), after.get(key)];
    if (b && a) {
      if (deepEqual(b.body, a.body)) continue;
      const fields = diffFields(b.body, a.body, manifestSensitivity(a.kind));
      entries.push({ key, item: { ...objectItem('changed', a), fields }, before: b.body, after: a.body });
    } else if (b) entries.push({ key, item: objectItem('removed', b), before: b.body });
    else if (a) entries.push({ key, item: objectItem('added', a), after: a.body });
  }
  const candidates = (change: ChangeKind) =>
    entries
      .filter((e) => e.item.change === change)
      .map((e) => ({ id: e.key, group: e.item.kind, body: withoutName((change === 'removed' ? e.before : e.after) as Record<string, unknown>) }));
  const pairs = pairRenames(candidates('removed'), candidates('added'));
  return entries.map(({ key, ...entry }) => {
    const to = pairs.get(key);
    if (entry.item.change === 'removed' && to) entry.item.likelyRenamedTo = objectLabel(after.get(to)!);
    return entry;
  });
}

/** The body without its name, so a renamed object compares equal to its old self. */
function withoutName(body: Record<string, unknown>): Record<string, unknown> {
  if (!isRecord(body.metadata)) return body;
  const { name: _name, ...metadata } = body.metadata;
  return { ...body, metadata };
}
