import { describe, expect, it } from 'vitest';
import { indexObjects, parseManifestFile } from './manifest-objects.js';

describe('YAML manifests', () => {
  it('reads Kubernetes objects by identity, values files as File objects, and reports what is neither', () => {
    const text = [
      '# header',
      '---',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api, namespace: apps }\nspec: {}\nstatus: { replicas: 2 }',
      '---',
      'server: { replicas: 2 }',
      '---',
      'kind: ConfigMap\nmetadata: {}',
      '---',
      'a: [1',
    ].join('\n');
    const { objects, problems } = parseManifestFile('argocd/dev/x.yaml', `${text}\n`);
    expect(objects).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'apps', name: 'api', body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'apps' }, spec: {} } },
      { apiVersion: '', kind: 'File', namespace: '', name: 'argocd/dev/x.yaml#2', body: { server: { replicas: 2 } } },
    ]);
    expect(problems).toEqual([
      'argocd/dev/x.yaml (document 3): expected a Kubernetes object with kind and metadata.name',
      expect.stringMatching(/^argocd\/dev\/x\.yaml \(document 4\): not valid YAML: /),
    ]);
  });

  it('names a single-document values file after its path and reports duplicate identities', () => {
    expect(parseManifestFile('argocd/dev/bootstrap/values.yaml', 'replicas: 2\n').objects.map((o) => `${o.kind} ${o.name}`)).toEqual(['File argocd/dev/bootstrap/values.yaml']);
    const { objects } = parseManifestFile('a.yaml', '---\nkind: Namespace\nmetadata: { name: x }\n---\nkind: Namespace\nmetadata: { name: x }\n');
    const problems: string[] = [];
    expect(indexObjects(objects, problems, 'generated/kubernetes/dev/baseline').size).toBe(1);
    expect(problems).toEqual(['generated/kubernetes/dev/baseline: Namespace x is defined more than once']);
  });
});
