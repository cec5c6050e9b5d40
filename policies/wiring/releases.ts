/**
 * Helm releases as the wiring rules see them: every Argo CD Application of the environment that
 * installs a chart, with the values it passes (`helm.valuesObject`) and the namespace it lands in.
 * What the chart renders from those values is described by chart-facts.ts.
 */
import type { KubeObject } from '../engine/kubernetes.js';
import { at, dict, list, str, type Dict } from '../engine/values.js';

export interface HelmRelease {
  application: KubeObject;
  chart: string;
  namespace: string;
  values: Dict;
}

export function helmReleases(objects: readonly KubeObject[]): HelmRelease[] {
  return objects
    .filter((o) => o.kind === 'Application' && o.apiVersion.startsWith('argoproj.io/'))
    .flatMap((application) => {
      const sources = [at(application.object, 'spec', 'source'), ...list(at(application.object, 'spec', 'sources'))];
      const namespace = str(at(application.object, 'spec', 'destination', 'namespace')) ?? 'default';
      return sources.flatMap((source) => {
        const chart = str(at(source, 'chart'));
        return chart ? [{ application, chart, namespace, values: dict(at(source, 'helm', 'valuesObject')) }] : [];
      });
    });
}

/** The value at a dotted path of the release's values, else the chart's default. */
export function valueOr<T>(release: HelmRelease, path: readonly string[], fallback: T): T | unknown {
  const value = at(release.values, ...path);
  return value === undefined ? fallback : value;
}
