/**
 * The app-of-apps of one environment as its generated Argo CD Applications say: each Application's
 * sync wave, source (a folder of this repository, or a Helm chart at a version), project and
 * destination namespace. Add-on versions per environment are read from here too.
 */
import type { GeneratedFile } from '../../document.js';
import { SYNC_WAVE } from '../../argocd/sync.js';
import { compareStrings } from '../../sort.js';
import { at } from './document-values.js';

export interface ApplicationFact {
  name: string;
  wave: number;
  project: string;
  namespace: string;
  /** Helm chart and version, for add-ons from upstream charts. */
  chart: { repoURL: string; name: string; version: string } | null;
  /** Repository folder, for Applications of generated manifests. */
  path: string | null;
}

export interface Wave {
  wave: number;
  applications: ApplicationFact[];
}


/** Every Application document in the files under `argocdRoot` (e.g. argocd/dev), sorted by wave, then name. */
export function applicationFacts(files: readonly GeneratedFile[], argocdRoot: string): ApplicationFact[] {
  const facts = files
    .filter((file) => file.path.startsWith(`${argocdRoot}/`) && file.content.format === 'yaml')
    .flatMap((file) => (file.content.format === 'yaml' ? file.content.documents : []))
    .filter((doc) => at(doc, 'kind') === 'Application')
    .map((doc): ApplicationFact => {
      const source = at(doc, 'spec', 'source');
      const chart = at(source, 'chart');
      return {
        name: String(at(doc, 'metadata', 'name')),
        wave: Number(at(doc, 'metadata', 'annotations', SYNC_WAVE) ?? 0),
        project: String(at(doc, 'spec', 'project') ?? ''),
        namespace: String(at(doc, 'spec', 'destination', 'namespace') ?? ''),
        chart: typeof chart === 'string' ? { repoURL: String(at(source, 'repoURL')), name: chart, version: String(at(source, 'targetRevision')) } : null,
        path: typeof at(source, 'path') === 'string' ? String(at(source, 'path')) : null,
      };
    });
  return facts.sort((a, b) => a.wave - b.wave || compareStrings(a.name, b.name));
}

/** Applications grouped by wave, lowest first. */
export function waves(applications: readonly ApplicationFact[]): Wave[] {
  const numbers = [...new Set(applications.map((a) => a.wave))].sort((a, b) => a - b);
  return numbers.map((wave) => ({ wave, applications: applications.filter((a) => a.wave === wave) }));
}
