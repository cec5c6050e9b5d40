/**
 * One operations runbook per environment, `generated/runbooks/<env>.md`: recovery objectives,
 * disaster-recovery procedures and secret rotation, every command filled from the model. Pure, like
 * every generator; the writer puts it on disk with the rest of the output.
 */
import type { EnvironmentGenerator } from '../generator.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { blocks, heading } from './markdown.js';
import { recoverySections } from './recovery.js';
import { rotationSection } from './rotation.js';

const GENERATOR = 'runbooks';

export const runbookPath = (env: ResolvedEnvironment) => `generated/runbooks/${env.name}.md`;

export function runbookText(env: ResolvedEnvironment): string {
  return blocks(
    heading(1, `Runbook: ${env.name}`),
    `Account \`${env.aws.accountId}\`, region \`${env.aws.region}\`, cluster \`${naming.clusterName(env.name)}\`, owner ${env.owners.team}. Generated from \`${env.file}\`; change the environment and run \`pnpm synth\`, never this file.`,
    recoverySections(env),
    rotationSection(env),
  );
}

export const runbookGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env) => [
    {
      path: runbookPath(env),
      environment: env.name,
      generator: GENERATOR,
      sources: [env.file, ...env.services.map((s) => s.file), 'generators/runbooks'],
      content: { format: 'markdown', text: runbookText(env) },
    },
  ],
};
