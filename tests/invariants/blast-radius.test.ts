/**
 * Blast radius: synthesize the repository twice in memory (edited model vs original), diff the
 * rendered files, and check which outputs and which Atlantis projects a change reaches.
 */
import { describe, expect, it } from 'vitest';
import type { AtlantisRepoConfig } from '../../generators/atlantis/config.js';
import { ATLANTIS_CONFIG_PATH } from '../../generators/atlantis/generator.js';
import { plannedProjects } from '../../generators/atlantis/when-modified.js';
import { catalogPaths, isCatalogPath } from '../../generators/catalog/paths.js';
import { COST_PAGES_DIR, costPagePath } from '../../generators/cost/generator.js';
import type { GeneratedFile } from '../../generators/document.js';
import { changedPaths, documentsOf, type Edits, repositoryModel, synthAll } from '../support/synth.js';

const model = repositoryModel();
const original = await synthAll(model);
/** The first stage of the promotion order and a production environment (the scenarios hold for any). */
const first = model.environments[0]!;
const production = model.environments.find((e) => e.tier === 'production')!;
const dev = first.name;
const prod = production.name;
/** Any one of the repository's services in the first stage (the scenario holds for each), and replica bounds it does not have yet. */
const devService = first.services[0]!;
const someService = devService.name;
const otherReplicas = { min: devService.replicas.min, max: devService.replicas.max + 1 };
const projects = (documentsOf(original.find((f) => f.path === ATLANTIS_CONFIG_PATH)!)[0] as AtlantisRepoConfig).projects;
const produces = (files: readonly GeneratedFile[], prefix: string) => files.some((f) => f.path.startsWith(prefix));

/** Runbooks (generated/runbooks/) document the output like the catalog: they quote its names and sizes. */
const isRunbookPath = (path: string) => path.startsWith('generated/runbooks/');

/** Changed deployable output, and apart from it the catalog pages (documentation of it, see generators/catalog/). */
async function change(edits: Edits) {
  const all = changedPaths(original, await synthAll(repositoryModel(edits)));
  const changed = all.filter((path) => !isCatalogPath(path) && !isRunbookPath(path));
  return { changed, catalog: all.filter(isCatalogPath), planned: plannedProjects(projects, changed) };
}

/** Catalog pages of environments other than `env` (their pages are regenerated only with them: `synth --env`). */
const otherEnvironmentPages = (catalog: string[], env: string) =>
  catalog.filter((path) => model.environments.some((e) => e.name !== env && path === catalogPaths.environment(e.name)));

describe('blast radius', () => {
  describe("changing one service's replica bounds in the first stage", async () => {
    const { changed, catalog, planned } = await change({
      environment: (env) => {
        if (env.name === dev) env.services[someService] = { ...env.services[someService], replicas: otherReplicas };
      },
    });

    it("changes only dev's Kubernetes output", () => {
      expect(changed.filter((path) => !path.startsWith(`generated/kubernetes/${dev}/`))).toEqual([]);
    });

    it("changes no other environment's catalog page", () => {
      expect(otherEnvironmentPages(catalog, 'dev')).toEqual([]);
    });

    it('plans no Atlantis project', () => {
      expect(planned).toEqual([]);
    });

    // The workloads come from the Kubernetes generators; without them there is nothing to change yet.
    it.skipIf(!produces(original, `generated/kubernetes/${dev}/${someService}/`))('changes the service’s own manifests', () => {
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.every((path) => path.startsWith(`generated/kubernetes/${dev}/${someService}/`))).toBe(true);
    });
  });

  describe("changing a production environment's database instance class", async () => {
    const { changed, catalog, planned } = await change({
      environment: (env) => {
        if (env.name === prod) env.database.instanceClass = 'db.r6g.2xlarge';
      },
    });

    it("changes only prod's data stack", () => {
      expect(changed.filter((path) => !path.startsWith(`generated/terraform/${prod}/data/`))).toEqual([]);
    });

    it('plans at most the prod data project', () => {
      expect(planned.filter((name) => name !== `${prod}-data`)).toEqual([]);
    });

    it.skipIf(!produces(original, costPagePath(prod)))("moves the production environment's cost estimate, and no other environment's", () => {
      expect(catalog).toContain(costPagePath(prod));
      expect(catalog.filter((path) => path.startsWith(`${COST_PAGES_DIR}/`))).toEqual([costPagePath(prod)]);
    });

    // The data stack comes from the Terraform generators; on a tree without them nothing changes yet.
    it.skipIf(!produces(original, `generated/terraform/${prod}/data/main.tf.json`))('changes the data stack and plans exactly one project', () => {
      expect(changed).toContain(`generated/terraform/${prod}/data/main.tf.json`);
      expect(planned).toEqual([`${prod}-data`]);
    });
  });

  describe('trialling a chart version in the first stage', async () => {
    const { changed, catalog, planned } = await change({
      environment: (env) => {
        // A version the stage does not run yet, whatever the pin is today: its last number plus one.
        if (env.name === dev) env.addons['cert-manager'] = env.addons['cert-manager'].replace(/(\d+)$/, (n) => String(Number(n) + 1));
      },
    });

    it("changes only that add-on's Application in dev and plans no Atlantis project", () => {
      expect(changed).toEqual([`argocd/${dev}/apps/cert-manager.yaml`]);
      expect(planned).toEqual([]);
    });

    it("changes no other environment's catalog page", () => {
      expect(otherEnvironmentPages(catalog, 'dev')).toEqual([]);
    });
  });
});
