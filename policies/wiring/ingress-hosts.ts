/**
 * Every public host name an Ingress of the environment serves: rendered Ingresses, and the
 * Ingresses charts render from our values (chart-facts.ts). Each with what decides its certificate
 * and DNS record: the Ingress class, its annotations and the TLS secrets named for the host.
 */
import type { KubeObject } from '../engine/kubernetes.js';
import { at, dict, isDict, list, str, strings, type Dict } from '../engine/values.js';
import { CHART_INGRESSES } from './chart-facts.js';
import { helmReleases, valueOr } from './releases.js';

export interface IngressHost {
  file: string;
  /** `Ingress/<ns>/<name>`, or the Application for a chart's Ingress. */
  resource: string;
  namespace: string;
  host: string;
  ingressClass: string | undefined;
  annotations: Dict;
  /** Kubernetes TLS secrets listed for this host (spec.tls), for cert-manager. */
  tlsSecrets: string[];
}

/** A host value: one name, or a list of names or of `{ host }` objects. */
function hostsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return list(value).flatMap((item) => (isDict(item) ? strings(item.host) : strings(item)));
}

/**
 * The cluster's default IngressClass, for Ingresses that name none: a rendered IngressClass marked
 * default, or the one the AWS Load Balancer Controller chart creates when `ingressClassConfig.default`.
 */
function defaultIngressClass(kubernetes: readonly KubeObject[]): string | undefined {
  const rendered = kubernetes.find((o) => o.kind === 'IngressClass' && at(o.object, 'metadata', 'annotations', 'ingressclass.kubernetes.io/is-default-class') === 'true');
  if (rendered) return rendered.name;
  const alb = helmReleases(kubernetes).find((r) => r.chart === 'aws-load-balancer-controller' && valueOr(r, ['ingressClassConfig', 'default'], false) === true);
  return alb ? (str(valueOr(alb, ['ingressClass'], 'alb')) ?? 'alb') : undefined;
}

export function ingressHosts(kubernetes: readonly KubeObject[]): IngressHost[] {
  const fallbackClass = defaultIngressClass(kubernetes);
  const rendered = kubernetes
    .filter((o) => o.kind === 'Ingress')
    .flatMap((o) => {
      const spec = dict(o.object.spec);
      const tls = list(spec.tls).filter(isDict);
      const names = new Set([...list(spec.rules).flatMap((r) => strings(at(r, 'host'))), ...tls.flatMap((t) => strings(t.hosts))]);
      return [...names].sort().map((host) => ({
        file: o.file,
        resource: o.resource,
        namespace: o.namespace ?? 'default',
        host,
        ingressClass: str(spec.ingressClassName) ?? str(at(o.object, 'metadata', 'annotations', 'kubernetes.io/ingress.class')) ?? fallbackClass,
        annotations: dict(at(o.object, 'metadata', 'annotations')),
        tlsSecrets: tls.filter((t) => strings(t.hosts).includes(host)).flatMap((t) => strings(t.secretName)),
      }));
    });
  const charts = helmReleases(kubernetes).flatMap((release) => {
    const facts = CHART_INGRESSES.find((c) => c.chart === release.chart);
    if (!facts || valueOr(release, facts.enabled.path, facts.enabled.default) !== true) return [];
    const names = [...new Set(facts.hostPaths.flatMap((path) => hostsOf(valueOr(release, path, undefined))))].sort();
    return names.map((host) => ({
      file: release.application.file,
      resource: release.application.resource,
      namespace: release.namespace,
      host,
      ingressClass: str(valueOr(release, facts.classPath, undefined)) ?? fallbackClass,
      annotations: dict(valueOr(release, facts.annotationsPath, {})),
      tlsSecrets: [],
    }));
  });
  return [...rendered, ...charts];
}

/** Whether a certificate or zone name covers `host`: equal, or a wildcard of exactly one leftmost label. */
export function nameCovers(name: string, host: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (n === h) return true;
  return n.startsWith('*.') && h.includes('.') && h.slice(h.indexOf('.') + 1) === n.slice(2) && !h.slice(0, h.indexOf('.')).includes('*');
}
