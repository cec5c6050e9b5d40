/**
 * cdk8s plumbing shared by every manifest app: a Chart with name hashes disabled, synthesized in
 * memory with `toJson()` (never `app.synth()`), then split into one generated file per object,
 * `<kind>-<name>.yaml` (plus the namespace when an app spans several), so a review diff names the
 * object it touches.
 */
import { App, Chart } from 'cdk8s';

import type { GeneratedFile } from '../document.js';
import { naming } from '../naming.js';

/** A Kubernetes object as cdk8s renders it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/**
 * A chart in its own App: charts never share state. cdk8s's App touches the file system only in
 * synth(), which is never called; every option is explicit so no CDK8S_* variable is consulted.
 */
export function newChart(id: string, labels: Record<string, string>): Chart {
  const app = new App({ outdir: 'cdk8s-never-written', recordConstructMetadata: false });
  return new Chart(app, id, { disableResourceNameHashes: true, labels });
}

export function chartManifests(chart: Chart): Manifest[] {
  return chart.toJson() as Manifest[];
}

function fileName(manifest: Manifest, withNamespace: boolean): string {
  const { name, namespace } = manifest.metadata;
  const parts = [manifest.kind.toLowerCase(), withNamespace && namespace ? namespace : undefined, name];
  return `${parts.filter(Boolean).join('-')}.yaml`;
}

export interface ManifestFilesOptions {
  env: string;
  app: string;
  generator: string;
  sources: string[];
}

/** One YAML file per object under generated/kubernetes/<env>/<app>/. */
export function manifestFiles(manifests: Manifest[], options: ManifestFilesOptions): GeneratedFile[] {
  const namespaces = new Set(manifests.map((m) => m.metadata.namespace).filter(Boolean));
  const dir = naming.kubernetesDir(options.env, options.app);
  const seen = new Set<string>();
  return manifests.map((manifest) => {
    const path = `${dir}/${fileName(manifest, namespaces.size > 1)}`;
    if (seen.has(path)) throw new Error(`${options.generator}: two objects of app ${options.app} render to ${path}`);
    seen.add(path);
    return { path, environment: options.env, generator: options.generator, sources: options.sources, content: { format: 'yaml', documents: [manifest] } };
  });
}
