/**
 * The environment variables of every container of a workload, with where each value comes from:
 * a literal (env value or a ConfigMap key through envFrom/configMapKeyRef) or a Secret key, and for
 * Secrets written by an ExternalSecret, the Secrets Manager secret behind it.
 */
import type { KubeObject } from '../engine/kubernetes.js';
import { at, dict, isDict, list, str, type Dict } from '../engine/values.js';

export type EnvSource =
  | { kind: 'literal'; value: string }
  | { kind: 'secret'; secret: string; key: string; /** Secrets Manager secret (and property) the ExternalSecret reads. */ remote?: { key: string; property?: string } }
  | { kind: 'unknown' };

export interface ContainerEnv {
  workload: KubeObject;
  container: string;
  variables: Map<string, EnvSource>;
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

export function podTemplate(workload: KubeObject): Dict {
  return workload.kind === 'CronJob' ? dict(at(workload.object, 'spec', 'jobTemplate', 'spec', 'template')) : dict(at(workload.object, 'spec', 'template'));
}

export function workloads(objects: readonly KubeObject[]): KubeObject[] {
  return objects.filter((o) => WORKLOADS.has(o.kind));
}

/** Secret key → Secrets Manager reference, from every ExternalSecret (keyed `<namespace>/<secret>/<key>`). */
function externalSecretRefs(objects: readonly KubeObject[]): Map<string, { key: string; property?: string }> {
  const refs = new Map<string, { key: string; property?: string }>();
  for (const es of objects) {
    if (es.kind !== 'ExternalSecret') continue;
    const target = str(at(es.object, 'spec', 'target', 'name')) ?? es.name;
    for (const d of list(at(es.object, 'spec', 'data')).filter(isDict)) {
      const remoteKey = str(at(d, 'remoteRef', 'key'));
      const secretKey = str(d.secretKey);
      if (remoteKey && secretKey && !refs.has(`${es.namespace}/${target}/${secretKey}`)) refs.set(`${es.namespace}/${target}/${secretKey}`, { key: remoteKey, property: str(at(d, 'remoteRef', 'property')) });
    }
  }
  return refs;
}

const cache = new WeakMap<readonly KubeObject[], ContainerEnv[]>();

/** Every container's variables (computed once per environment's objects: several rules read them). */
export function containerEnvs(objects: readonly KubeObject[]): ContainerEnv[] {
  const cached = cache.get(objects);
  if (cached) return cached;
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [`${o.namespace}/${o.name}`, o]));
  const configMap = (namespace: string | null, name: string) => configMaps.get(`${namespace}/${name}`);
  const refs = externalSecretRefs(objects);
  const result = workloads(objects).flatMap((workload) =>
    list(at(podTemplate(workload), 'spec', 'containers')).filter(isDict).map((container) => {
      const variables = new Map<string, EnvSource>();
      for (const from of list(container.envFrom).filter(isDict)) {
        const cm = str(at(from, 'configMapRef', 'name'));
        const data = cm ? dict(at(configMap(workload.namespace, cm)?.object, 'data')) : {};
        const prefix = str(from.prefix) ?? '';
        for (const [k, v] of Object.entries(data)) if (typeof v === 'string') variables.set(prefix + k, { kind: 'literal', value: v });
      }
      for (const e of list(container.env).filter(isDict)) {
        const name = str(e.name);
        if (!name) continue;
        const secretRef = at(e, 'valueFrom', 'secretKeyRef');
        const cmRef = at(e, 'valueFrom', 'configMapKeyRef');
        if (typeof e.value === 'string') variables.set(name, { kind: 'literal', value: e.value });
        else if (isDict(secretRef) && str(secretRef.name) && str(secretRef.key)) {
          const secret = str(secretRef.name)!;
          const key = str(secretRef.key)!;
          variables.set(name, { kind: 'secret', secret, key, remote: refs.get(`${workload.namespace}/${secret}/${key}`) });
        } else if (isDict(cmRef)) {
          const value = at(configMap(workload.namespace, str(cmRef.name) ?? '')?.object, 'data', str(cmRef.key) ?? '');
          variables.set(name, typeof value === 'string' ? { kind: 'literal', value } : { kind: 'unknown' });
        } else variables.set(name, { kind: 'unknown' });
      }
      return { workload, container: str(container.name) ?? '<unnamed>', variables };
    }),
  );
  cache.set(objects, result);
  return result;
}

export function literal(source: EnvSource | undefined): string | undefined {
  return source?.kind === 'literal' ? source.value : undefined;
}
