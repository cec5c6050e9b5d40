/**
 * The catalog generator: generated/catalog/README.md, a page per environment and a page per
 * service. Runs over the output (scope `output`): environment pages read that environment's
 * generated Terraform stacks and Argo CD Applications, so they are produced only for the
 * environments being synthesized; the index and service pages read the model only, so they are the
 * same bytes whichever environments a run selects.
 */
import type { GeneratedFile } from '../document.js';
import type { OutputGenerator } from '../generator.js';
import { environmentPage } from './pages/environment-page.js';
import { indexPage } from './pages/index-page.js';
import { CATALOG_DIR, CATALOG_GENERATOR, catalogPaths } from './paths.js';
import { servicePage } from './pages/service-page.js';
import { serviceIn, serviceNames } from './facts/service-facts.js';

const GENERATOR_SOURCE = 'generators/catalog';

/** A page of the catalog; `environment` null for the index and the service pages. */
function page(path: string, environment: GeneratedFile['environment'], sources: string[], text: string): GeneratedFile {
  return { path, environment, generator: CATALOG_GENERATOR, sources: [...sources, GENERATOR_SOURCE], content: { format: 'markdown', text } };
}

export const catalogGenerator: OutputGenerator = {
  name: CATALOG_GENERATOR,
  scope: 'output',
  generate(model, files, environments) {
    const names = serviceNames(model.environments);
    const serviceFiles = names.map((name) => model.environments.map((env) => serviceIn(env, name)).find((s) => s !== undefined)!.file);
    const produced = new Set(files.map((f) => f.path));
    const costPages = files.some((f) => f.path.startsWith(`${CATALOG_DIR}/cost/`));
    const environmentFiles = model.environments.map((env) => env.file);
    const pages: GeneratedFile[] = [
      page(catalogPaths.index, null, [...environmentFiles, ...serviceFiles], indexPage(model, { costPages })),
      ...names.map((name, i) => page(catalogPaths.service(name), null, [serviceFiles[i]!, ...environmentFiles], servicePage(model, name))),
    ];
    for (const env of model.environments) {
      if (!environments.includes(env.name)) continue;
      const text = environmentPage({ env, files: files.filter((f) => f.environment === env.name), costPage: produced.has(catalogPaths.cost(env.name)) });
      pages.push(page(catalogPaths.environment(env.name), env.name, [env.file, ...env.services.map((s) => s.file)], text));
    }
    return pages;
  },
};
