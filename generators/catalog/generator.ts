/**
 * The catalog generator: generated/catalog/README.md, a page per environment and a page per
 * service. Runs over the output (scope `output`): environment pages read that environment's
 * generated Terraform stacks and Argo CD Applications, so they are produced only for the
 * environments being synthesized; the index and service pages read the model only, so they are the
 * same bytes whichever environments a run selects.
 */
import type { GeneratedFile } from '../document.js';
import type { OutputGenerator } from '../generator.js';
import type { PlatformModel } from '../model/types.js';
import { environmentPage } from './environment-page.js';
import { indexPage } from './index-page.js';
import { CATALOG_DIR, CATALOG_GENERATOR, catalogPaths } from './paths.js';
import { servicePage } from './service-page.js';
import { serviceIn, serviceNames } from './service-facts.js';

const markdown = (text: string) => ({ format: 'markdown' as const, text });

function environmentSources(model: PlatformModel): string[] {
  return [...model.environments.map((env) => env.file), 'generators/catalog'];
}

export const catalogGenerator: OutputGenerator = {
  name: CATALOG_GENERATOR,
  scope: 'output',
  generate(model, files, environments) {
    const names = serviceNames(model.environments);
    const serviceFiles = names.map((name) => model.environments.map((env) => serviceIn(env, name)).find((s) => s !== undefined)!.file);
    const produced = new Set(files.map((f) => f.path));
    const costPages = files.some((f) => f.path.startsWith(`${CATALOG_DIR}/cost/`));
    const pages: GeneratedFile[] = [
      {
        path: catalogPaths.index,
        environment: null,
        generator: CATALOG_GENERATOR,
        sources: [...environmentSources(model).slice(0, -1), ...serviceFiles, 'generators/catalog'],
        content: markdown(indexPage(model, { costPages })),
      },
      ...names.map((name, i) => ({
        path: catalogPaths.service(name),
        environment: null,
        generator: CATALOG_GENERATOR,
        sources: [serviceFiles[i]!, ...environmentSources(model)],
        content: markdown(servicePage(model, name)),
      })),
    ];
    for (const env of model.environments) {
      if (!environments.includes(env.name)) continue;
      pages.push({
        path: catalogPaths.environment(env.name),
        environment: env.name,
        generator: CATALOG_GENERATOR,
        sources: [env.file, ...env.services.map((s) => s.file), 'generators/catalog'],
        content: markdown(
          environmentPage({
            env,
            files: files.filter((f) => f.environment === env.name),
            costPage: produced.has(catalogPaths.cost(env.name)),
          }),
        ),
      });
    }
    return pages;
  },
};
