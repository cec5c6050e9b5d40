/**
 * The root Application: the one object applied by hand. It syncs argocd/<env>/ (projects and
 * applications) except itself and the bootstrap values, so every other Argo CD object arrives
 * through Git. Deleting it does not cascade: its children keep running.
 */
import { platform } from '../../environments/platform.js';

import { naming } from '../naming.js';
import { syncPolicy } from './sync.js';

/** Directory-source exclude glob (relative to the root's path): this file and the bootstrap values. */
export function rootExclude(env: string): string {
  const dir = `${naming.argocdDir(env)}/`;
  const relative = (path: string) => path.slice(dir.length);
  const bootstrapDir = relative(naming.argocdBootstrapValuesFile(env)).split('/')[0];
  return `{${relative(naming.argocdRootFile(env))},${bootstrapDir}/*}`;
}

export function rootApplication(env: string): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: naming.argocdRootApp, namespace: naming.argocdNamespace },
    spec: {
      project: naming.argocdRootProject,
      source: {
        repoURL: platform.repoURL,
        targetRevision: platform.defaultBranch,
        path: naming.argocdDir(env),
        directory: { recurse: true, exclude: rootExclude(env) },
      },
      destination: { server: naming.inClusterServer, namespace: naming.argocdNamespace },
      syncPolicy: syncPolicy({ serverSideApply: false, respectIgnoreDifferences: false }),
    },
  };
}
