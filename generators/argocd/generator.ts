/** The Argo CD app-of-apps of each environment, from the apps the Kubernetes generators declare. */
import type { EnvironmentGenerator } from '../generator.js';
import { clusterApps } from '../kubernetes/apps.js';
import { argocdFiles, GENERATOR } from './files.js';

export const argocdGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env) => argocdFiles(env, clusterApps(env)),
};
