/** The standard `app.kubernetes.io/*` labels every generated object carries. */
import { platform } from '../../environments/platform.js';

export const MANAGED_BY = 'cdk8s';

/** Labels of every object of an app: what it is, which app it belongs to, who manages it. */
export function standardLabels(name: string, component: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/instance': name,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': platform.prefix,
    'app.kubernetes.io/managed-by': MANAGED_BY,
  };
}

/** The immutable subset a workload selects its pods by (never the version: selectors cannot change). */
export function selectorLabels(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name };
}
