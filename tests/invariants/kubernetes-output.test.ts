/**
 * Invariants over every Kubernetes document the repository generates, in every environment:
 * schema-valid, well named, no secret values, and every workload hardened.
 */
import { describe, expect, it } from 'vitest';
import { clusterApps } from '../../generators/kubernetes/apps.js';
import { kubernetesDocuments, type LocatedDocument } from '../lib/kubernetes-documents.js';
import { validateAgainstSchema } from '../lib/kubernetes-schemas.js';
import { workloadViolations } from '../lib/workload-security.js';
import { repositoryOutput } from '../support/repository-output.js';
import { mapStepwise } from '../support/stepwise-synthesis.js';

const { model, files } = await repositoryOutput();
const documents = kubernetesDocuments(files);
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const id = ({ path, doc }: LocatedDocument) => `${path}: ${doc.kind} ${doc.metadata.namespace ?? ''}/${doc.metadata.name}`;

describe('generated Kubernetes documents', () => {
  it('cover every environment', () => {
    for (const { name: env } of model.environments) expect(documents.filter((d) => d.environment === env).length).toBeGreaterThan(50);
  });

  it('each match the official schema of their kind', async () => {
    const failures = await mapStepwise(documents, (located) => {
      try {
        validateAgainstSchema(located.doc);
        return [];
      } catch (error) {
        return [`${id(located)}: ${(error as Error).message}`];
      }
    });
    expect(failures.flat()).toEqual([]);
  });

  it('have DNS-1123 label names and namespaces of at most 63 characters', () => {
    const bad = documents.filter(({ doc }) =>
      [doc.metadata.name, doc.metadata.namespace].some((name) => name !== undefined && (!DNS_1123_LABEL.test(name) || name.length > 63)),
    );
    expect(bad.map(id)).toEqual([]);
  });

  it('are unique per kind and namespace within an environment', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const located of documents) {
      const { doc, environment } = located;
      const key = `${environment}|${doc.apiVersion.split('/')[0]}|${doc.kind}|${doc.metadata.namespace ?? ''}|${doc.metadata.name}`;
      if (seen.has(key)) duplicates.push(`${id(located)} duplicates ${seen.get(key)}`);
      seen.set(key, located.path);
    }
    expect(duplicates).toEqual([]);
  });

  it('never contain a Secret: secret material comes from ExternalSecrets only', () => {
    expect(documents.filter(({ doc }) => doc.kind === 'Secret').map(id)).toEqual([]);
  });

  it('carry no construct-path hashes', () => {
    const text = JSON.stringify(documents.map((d) => d.doc));
    expect(text).not.toContain('cdk8s.io/metadata.addr');
  });

  it('harden every workload (non-root, read-only, no escalation, no capabilities, seccomp, resources, probes)', () => {
    const violations = documents.flatMap(({ path, doc }) => workloadViolations(doc).map((v) => `${path}: ${v}`));
    expect(violations).toEqual([]);
  });

  it('are exactly the manifest apps of the cluster-apps contract, one folder each', () => {
    for (const env of model.environments) {
      const folders = new Set(
        files.filter((f) => f.environment === env.name && f.path.startsWith(`generated/kubernetes/${env.name}/`)).map((f) => f.path.slice(0, f.path.lastIndexOf('/'))),
      );
      expect([...folders].sort()).toEqual(clusterApps(env).manifests.map((app) => app.path).sort());
    }
  });
});
