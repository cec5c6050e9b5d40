/**
 * The catalog's cost pages: `generated/catalog/cost/<env>.md`, one per environment, estimated from
 * what the other generators produced for it (an output generator: it runs after them).
 */
import type { OutputGenerator } from '../generator.js';
import { environmentFiles } from '../pipeline.js';
import { costDocuments, estimateCost } from './estimate.js';
import { costPage } from './page.js';

/** The folder of the cost pages, inside the catalog. */
export const COST_PAGES_DIR = 'generated/catalog/cost';
/** Where an environment's cost page lives (the catalog links it as `cost/<env>.md`). */
export const costPagePath = (environment: string) => `${COST_PAGES_DIR}/${environment}.md`;

export const costPagesGenerator: OutputGenerator = {
  name: 'catalog/cost',
  scope: 'output',
  generate(model, files, environments) {
    return model.environments
      .filter((env) => environments.includes(env.name))
      .map((env) => {
        const estimate = estimateCost(costDocuments(environmentFiles(files, env.name)));
        return {
        path: costPagePath(env.name),
        environment: env.name,
        generator: 'catalog/cost',
        sources: [env.file, 'generators/cost'],
        content: { format: 'markdown', text: costPage({ environment: env.name, budgetUsd: env.budget.monthlyUsd, estimate }) },
        } as const;
      });
  },
};
