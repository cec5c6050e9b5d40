/** The generator's file layout and headers, on a fixture environment (whole-repository output is checked by tests/ invariants and guarded by `synth --check`). */
import { describe, expect, it } from 'vitest';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { kubernetesGenerator } from './generator.js';
import { environmentWith, minimalService } from './test-fixtures.js';

const model = loadRepositoryModel();

describe('kubernetes generator', () => {
  it('writes one file per object, named by kind and name (and namespace where an app spans several)', () => {
    const env = environmentWith([minimalService]);
    const paths = kubernetesGenerator.generate(env, model).map((f) => f.path);
    expect(paths.filter((p) => p.includes('/echo/')).sort()).toStrictEqual(
      [
        'configmap-echo',
        'deployment-echo',
        'horizontalpodautoscaler-echo',
        'poddisruptionbudget-echo',
        'prometheusrule-echo',
        'service-echo',
        'serviceaccount-echo',
        'servicemonitor-echo',
      ].map((name) => `generated/kubernetes/dev/echo/${name}.yaml`),
    );
    expect(paths).toContain('generated/kubernetes/dev/baseline/networkpolicy-platform-apps-default-deny.yaml');
    expect(paths).toContain('generated/kubernetes/dev/baseline/namespace-platform-apps.yaml');
    expect(paths).toContain('generated/kubernetes/dev/cluster-secret-store/clustersecretstore-aws-secrets-manager.yaml');
  });

  it('names the declaring files in every header', () => {
    const env = environmentWith([minimalService]);
    const deployment = kubernetesGenerator.generate(env, model).find((f) => f.path.endsWith('/echo/deployment-echo.yaml'))!;
    expect(deployment.sources).toStrictEqual(['services/echo/service.ts', 'environments/dev.ts', 'generators/kubernetes/service']);
  });
});
