/** The Kubernetes generator: every manifest app of an environment, one file per object. */
import type { EnvironmentGenerator } from '../generator.js';
import { manifestAppSources } from './apps.js';
import { manifestFiles } from './chart.js';

const GENERATOR = 'kubernetes';

export const kubernetesGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env) =>
    manifestAppSources(env).flatMap((app) => manifestFiles(app.manifests(), { env: env.name, app: app.name, generator: GENERATOR, sources: app.sources })),
};
