/** The cluster-apps contract the Argo CD generator builds Applications from. */
import { ALERT_TOPIC_RECEIVER } from '../../environments/operations.js';
import { describe, expect, it } from 'vitest';
import { ADDON_NAMES } from '../../environments/types.js';
import { charts } from '../../environments/versions.js';
import { loadRepositoryModel } from '../../scripts/lib/platform.js';
import { naming } from '../naming.js';
import { clusterApps } from './apps.js';
import { argoCdWorkloadValues } from './addons/argo-cd.js';

const model = loadRepositoryModel();

function cycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: string, path: string[]): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...path, node];
    state.set(node, 'visiting');
    for (const next of graph.get(node) ?? []) {
      const found = visit(next, [...path, node]);
      if (found) return found;
    }
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const found = visit(node, []);
    if (found) return found;
  }
  return undefined;
}

describe.each(model.environments.map((env) => [env.name, env] as const))('cluster apps of %s', (_name, env) => {
  const apps = clusterApps(env);
  const names = [...apps.manifests.map((a) => a.name), ...apps.releases.map((r) => r.name)];

  it('lists the baseline, the secret store, the Kafka topics, monitoring, node pools, issuers, one app per service and the Kyverno policies', () => {
    expect(apps.manifests.map((a) => a.name)).toStrictEqual([
      'baseline',
      'cluster-secret-store',
      'kafka-topics',
      'monitoring',
      'karpenter-node-pools',
      'cert-manager-issuers',
      ...env.services.map((s) => s.name),
      'kyverno-policies',
    ]);
    for (const app of apps.manifests) expect(app.path).toBe(`generated/kubernetes/${env.name}/${app.name}`);
  });

  it('has unique names, and every dependency names an app or release of the environment, without cycles', () => {
    expect(new Set(names).size).toBe(names.length);
    const graph = new Map([...apps.manifests, ...apps.releases].map((a) => [a.name as string, a.dependsOn]));
    for (const [name, dependsOn] of graph) for (const dep of dependsOn) expect(names, `${name} depends on ${dep}`).toContain(dep);
    expect(cycle(graph)).toBeUndefined();
  });

  it('puts services in their team project with HPA-managed replicas; platform apps in the platform project', () => {
    for (const service of env.services) {
      const app = apps.manifests.find((a) => a.name === service.name)!;
      expect(app).toMatchObject({ project: service.team, namespace: 'platform-apps', hpaManagedReplicas: true });
      expect(app.dependsOn).toEqual(expect.arrayContaining(['baseline', 'cluster-secret-store', 'external-secrets', 'kube-prometheus-stack']));
    }
    for (const app of apps.manifests.filter((a) => !env.services.some((s) => s.name === a.name))) expect(app.project).toBe('platform');
    for (const release of apps.releases) expect(release.project).toBe('platform');
  });

  it('installs every add-on from versions.ts at the environment version; Atlantis only where platform tooling lives', () => {
    const expected = ADDON_NAMES.filter((name) => name !== 'atlantis' || env.hostsPlatformTooling);
    expect(apps.releases.map((r) => r.name).sort()).toStrictEqual([...expected].sort());
    for (const release of apps.releases) {
      expect(release.chart).toStrictEqual(charts[release.name]);
      expect(release.version).toBe(env.addons[release.name]);
    }
  });

  it('leaves the Atlantis values and all Argo CD values but its workload resources and probes to their own modules', () => {
    const empty = apps.releases.filter((r) => Object.keys(r.values).length === 0).map((r) => r.name);
    expect(empty.sort()).toStrictEqual(env.hostsPlatformTooling ? ['atlantis'] : []);
    expect(apps.releases.find((r) => r.name === 'argo-cd')?.values).toStrictEqual(argoCdWorkloadValues());
    expect(apps.releases.find((r) => r.name === 'argo-cd')).toMatchObject({ namespace: naming.argocdNamespace, dependsOn: [] });
  });

  it('syncs the node pools after Karpenter and the issuers after cert-manager, whose CRDs they need', () => {
    const app = (name: string) => apps.manifests.find((a) => a.name === name);
    expect(app('karpenter-node-pools')).toMatchObject({ project: 'platform', dependsOn: ['karpenter'] });
    expect(app('cert-manager-issuers')).toMatchObject({ project: 'platform', dependsOn: ['cert-manager'] });
  });

  it('routes Alertmanager to the environment SNS topic', () => {
    const kps = apps.releases.find((r) => r.name === 'kube-prometheus-stack')!;
    const receivers = (kps.values as any).alertmanager.config.receivers;
    expect(receivers.find((r: { name: string }) => r.name === ALERT_TOPIC_RECEIVER).sns_configs[0].topic_arn).toBe(
      `arn:aws:sns:${env.aws.region}:${env.aws.accountId}:${naming.alertTopic(env.name)}`,
    );
  });
});
