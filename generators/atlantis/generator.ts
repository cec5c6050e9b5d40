/** Writes atlantis.yaml at the repository root, after checking the server-side config accepts it. */
import type { RepositoryGenerator } from '../generator.js';
import { atlantisConfig } from './config.js';
import { restrictionProblems } from './restrictions.js';
import { serverRepoConfig } from './server-config.js';

export const ATLANTIS_CONFIG_PATH = 'atlantis.yaml';

export const atlantisGenerator: RepositoryGenerator = {
  name: 'atlantis/repo-config',
  scope: 'repository',
  generate(model) {
    const config = atlantisConfig(model);
    const server = serverRepoConfig();
    const problems = restrictionProblems(config, server.repos[0]!, Object.keys(server.workflows));
    if (problems.length > 0) throw new Error(`atlantis.yaml would be rejected by the server-side repo config:\n${problems.join('\n')}`);
    return [
      {
        path: ATLANTIS_CONFIG_PATH,
        environment: null,
        generator: 'atlantis/repo-config',
        sources: ['generators/naming.ts', 'environments/versions.ts', 'generators/atlantis/'],
        content: { format: 'yaml', documents: [config] },
      },
    ];
  },
};
