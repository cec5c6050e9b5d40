/**
 * Invariants of the generated catalog over the real repository (synthesized in memory), true for any
 * valid repository: every environment and service has its page, every relative link resolves to a
 * generated file, every Mermaid block is a well-formed flowchart of the supported subset, every
 * table's rows fit its header, and the pages name what the generated output holds (each Application,
 * each Terraform stack, each service's image tag). The checks themselves are proven to fail in
 * generators/catalog/markdown/*-structure.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG_GENERATOR, catalogPaths, isCatalogPath } from '../../generators/catalog/paths.js';
import { flowchartProblems, mermaidBlocks } from '../../generators/catalog/markdown/mermaid-structure.js';
import { headingAnchors, relativeLinks, tableProblems } from '../../generators/catalog/markdown/markdown-structure.js';
import { naming } from '../../generators/naming.js';
import { renderFile } from '../../generators/render.js';
import { repositoryOutput } from '../support/repository-output.js';

const { model, files } = await repositoryOutput();
const produced = new Set(files.map((f) => f.path));
const pages = new Map(files.filter((f) => isCatalogPath(f.path) && f.content.format === 'markdown').map((f) => [f.path, renderFile(f)] as const));
const ownPages = files.filter((f) => f.generator === CATALOG_GENERATOR).map((f) => f.path);
const serviceNames = [...new Set(model.environments.flatMap((env) => env.services.map((s) => s.name)))];

describe('the generated catalog', () => {
  it('has the index, a page per environment and a page per service, and nothing else of its own', () => {
    const expected = [catalogPaths.index, ...model.environments.map((env) => catalogPaths.environment(env.name)), ...serviceNames.map(catalogPaths.service)];
    expect([...ownPages].sort()).toEqual(expected.sort());
  });

  it('links only to files synth generates (relative links and their anchors resolve)', () => {
    const broken = [...pages].flatMap(([path, text]) =>
      relativeLinks(path, text).flatMap((link) => (link.resolved === null || produced.has(link.resolved) ? [] : [`${path}: [${link.text}](${link.target}) → ${link.resolved}`])),
    );
    expect(broken).toEqual([]);
    // Anchors into catalog pages name a heading of the target page (GitHub's anchor of it).
    const badAnchors = [...pages].flatMap(([path, text]) =>
      relativeLinks(path, text).flatMap((link) =>
        link.resolved !== null && link.anchor !== null && pages.has(link.resolved) && !headingAnchors(pages.get(link.resolved)!).has(link.anchor) ? [`${path}: ${link.target}`] : [],
      ),
    );
    expect(badAnchors).toEqual([]);
    // Every page of the catalog is reachable from the index or a page the index links.
    const linked = new Set([...pages].flatMap(([path, text]) => relativeLinks(path, text).map((l) => l.resolved)));
    expect(ownPages.filter((p) => p !== catalogPaths.index && !linked.has(p))).toEqual([]);
  });

  it('has only well-formed Mermaid flowcharts, and every page has one', () => {
    const problems = ownPages.flatMap((path) => {
      const blocks = mermaidBlocks(pages.get(path)!);
      if (blocks.length === 0) return [`${path}: no diagram`];
      return blocks.flatMap((block, i) => flowchartProblems(block).map((p) => `${path}: diagram ${i + 1}: ${p}`));
    });
    expect(problems).toEqual([]);
  });

  it('has tables whose rows all fit their header', () => {
    expect([...pages].flatMap(([path, text]) => tableProblems(text).map((p) => `${path}: ${p}`))).toEqual([]);
  });

  it.each(model.environments.map((env) => [env.name, env] as const))('names every Application and Terraform stack of %s on its page', (name) => {
    const page = pages.get(catalogPaths.environment(name))!;
    const applications = files
      .filter((f) => f.environment === name && f.path.startsWith(`${naming.argocdDir(name)}/`) && f.content.format === 'yaml')
      .flatMap((f) => (f.content.format === 'yaml' ? f.content.documents : []))
      .filter((d) => (d as { kind?: string }).kind === 'Application')
      .map((d) => (d as { metadata: { name: string } }).metadata.name)
      .filter((app) => app !== naming.argocdRootApp);
    expect(applications.length).toBeGreaterThan(0);
    const waves = page.slice(page.indexOf('## App-of-apps waves'));
    expect(applications.filter((app) => !waves.includes(`["${app}"]`))).toEqual([]);
    const stacks = files.filter((f) => f.environment === name && /^generated\/terraform\/[^/]+\/[^/]+\/main\.tf\.json$/.test(f.path)).map((f) => f.path.replace(/\/main\.tf\.json$/, ''));
    expect(stacks.length).toBeGreaterThan(0);
    expect(stacks.filter((dir) => !page.includes(`\`${dir}\``))).toEqual([]);
  });

  it('shows each service’s image tag in every environment on its page and in the index', () => {
    const missing = model.environments.flatMap((env) =>
      env.services.flatMap((s) => [catalogPaths.service(s.name), catalogPaths.environment(env.name)].filter((p) => !pages.get(p)!.includes(`:${s.imageTag}\``) && !pages.get(p)!.includes(`\`${s.imageTag}\``)).map((p) => `${p}: ${env.name} ${s.imageTag}`)),
    );
    expect(missing).toEqual([]);
  });
});
