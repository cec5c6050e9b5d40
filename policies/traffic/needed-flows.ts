/**
 * The flows the platform needs, derived from the output (never a list of today's services):
 * load balancer → Ingress backends (Git Ingresses and the Ingresses charts render from their values),
 * pod → every cluster Service its configuration names (the gateway's routes, `calls`, OTLP…),
 * pod → data stores (`<X>_HOST` with `<X>_PORT`, Kafka settings), pod → AWS APIs (IRSA, S3 buckets),
 * every pod → CoreDNS, Prometheus → every ServiceMonitor/PodMonitor target, controllers → API
 * server and AWS APIs, Argo CD's repo server → every Application source, control plane → webhooks.
 */
import type { KubeObject } from '../engine/kubernetes.js';
import { LabelIndex } from '../engine/label-index.js';
import { at, dict, isDict, list, num, str, strings, type Dict } from '../engine/values.js';
import { selectorMatches } from '../kubernetes/label-selector.js';
import { describeSet, PUBLIC_INTERNET, type AddressSet } from './addresses.js';
import type { Endpoint, FlowPort, NetworkEndpoint, PodEndpoint, Protocol } from './endpoints.js';
import type { GitPod, Inventory } from './inventory.js';
import type { Topology } from './topology.js';

export interface NeededFlow {
  source: Endpoint;
  destination: Endpoint;
  port: FlowPort;
  /** Why it is needed, e.g. "Ingress/platform-apps/api routes to it". */
  reason: string;
  /** The file that declares the need. */
  file: string;
}

const network = (id: string, addresses: AddressSet): NetworkEndpoint => ({
  kind: 'network',
  id: `${id} (${addresses === PUBLIC_INTERNET ? 'public addresses' : describeSet(addresses) || 'none'})`,
  addresses,
});
const tcp = (port: number): FlowPort => ({ protocol: 'TCP', port });
const SERVICE_HOST = /\b([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.svc(?:\.cluster\.local)?\.?(?::([0-9]{1,5}))?/g;

/**
 * The lines of `text` that mention `.svc`, in order: a Service host never spans lines (SERVICE_HOST
 * matches no line break), so the expression finds the same hosts there while reading a fraction of the text.
 */
const serviceLines = (text: string) => (text.includes('.svc') ? text.split('\n').filter((line) => line.includes('.svc')).join('\n') : '');

interface Context {
  objects: readonly KubeObject[];
  inventory: Inventory;
  topology: Topology;
  /** ConfigMaps and Services by `namespace/name`. */
  configMaps: Map<string, KubeObject>;
  services: Map<string, KubeObject>;
  /** Each Git pod's configuration, read once. */
  configurations: WeakMap<GitPod, Configuration>;
  /** Each release's values as JSON text, written once (a chart's every pod asks). */
  valuesTexts: Map<object, string>;
  /** Pods a Service selector selects, by namespace and selector. */
  selected: Map<string, PodEndpoint[]>;
  /** Git pods then chart pods, by namespace and label (engine/label-index.ts). */
  pods: LabelIndex<PodEndpoint>;
}

interface Configuration {
  values: Record<string, string>;
  text: string;
  file: string;
}

const byName = (objects: readonly KubeObject[], kind: string) =>
  new Map(objects.filter((o) => o.kind === kind && o.namespace !== null).map((o) => [`${o.namespace}/${o.name}`, o]));

/** A release's values as JSON text: what its chart's pods are configured with. */
function valuesText(ctx: Context, release: { values: unknown }): string {
  let text = ctx.valuesTexts.get(release);
  if (text === undefined) ctx.valuesTexts.set(release, (text = JSON.stringify(release.values)));
  return text;
}

/** Git pods and chart pods selected by a Service-style selector in a namespace. */
function podsSelected(ctx: Context, namespace: string, selector: Dict): PodEndpoint[] {
  if (Object.keys(selector).length === 0) return [];
  const key = `${namespace}|${JSON.stringify(selector)}`;
  let pods = ctx.selected.get(key);
  if (!pods) {
    pods = ctx.pods.candidates([namespace], selector).filter((p) => p.namespace === namespace && selectorMatches({ matchLabels: selector }, p.labels));
    ctx.selected.set(key, pods);
  }
  return pods;
}

/** The container port a Service port's targetPort reaches on a pod (a name is resolved per pod). */
function targetPort(servicePort: Dict, pod: PodEndpoint): FlowPort | undefined {
  const protocol = (str(servicePort.protocol) ?? 'TCP') as Protocol;
  const target = servicePort.targetPort ?? servicePort.port;
  const number = num(target);
  if (number !== undefined) return { protocol, port: number };
  const named = pod.ports.find((p) => p.name === target && p.protocol === protocol);
  return named ? { protocol, port: named.port } : undefined;
}

const service = (ctx: Context, namespace: string, name: string) => ctx.services.get(`${namespace}/${name}`);

/** Destinations of a Service port (by number or name; all ports when neither is given). */
function serviceTargets(ctx: Context, namespace: string, name: string, port?: number | string): { pod: PodEndpoint; port: FlowPort }[] {
  const svc = service(ctx, namespace, name);
  if (svc) {
    const ports = list(at(svc.object, 'spec', 'ports'))
      .filter(isDict)
      .filter((p) => port === undefined || p.port === port || p.name === port);
    const pods = podsSelected(ctx, namespace, dict(at(svc.object, 'spec', 'selector')));
    return ports.flatMap((p) => pods.flatMap((pod) => {
      const target = targetPort(p, pod);
      return target ? [{ pod, port: target }] : [];
    }));
  }
  // A Service an upstream chart renders (the record names it, else some pod of the chart's namespace):
  // the VPC CNI requires its port to equal the container port.
  if (typeof port !== 'number') return [];
  const chartPods = ctx.inventory.chartPods.filter((p) => p.endpoint.namespace === namespace && p.pod.services?.includes(name)).map((p) => p.endpoint);
  if (chartPods.length > 0) return chartPods.map((pod) => ({ pod, port: tcp(port) }));
  const other = ctx.inventory.otherPods.get(namespace);
  return other ? [{ pod: other, port: tcp(port) }] : [];
}

/** Everything a pod reads as configuration: env values and the ConfigMaps it loads as env or files. */
function configuration(ctx: Context, pod: GitPod): Configuration {
  const cached = ctx.configurations.get(pod);
  if (cached) return cached;
  const namespace = pod.endpoint.namespace;
  const containers = [...list(pod.podSpec.initContainers), ...list(pod.podSpec.containers)].filter(isDict);
  const configMapNames = new Set<string>([
    ...containers.flatMap((c) => list(c.envFrom).flatMap((e) => strings(at(e, 'configMapRef', 'name')))),
    ...containers.flatMap((c) => list(c.env).flatMap((e) => strings(at(e, 'valueFrom', 'configMapKeyRef', 'name')))),
    ...list(pod.podSpec.volumes).flatMap((v) => strings(at(v, 'configMap', 'name'))),
  ]);
  const values: Record<string, string> = {};
  for (const c of containers) for (const e of list(c.env).filter(isDict)) if (str(e.name) && str(e.value) !== undefined) values[str(e.name)!] = str(e.value)!;
  const texts: string[] = [];
  for (const cm of [...configMapNames].flatMap((name) => ctx.configMaps.get(`${namespace}/${name}`) ?? [])) {
    for (const [key, value] of Object.entries(dict(cm.object.data))) {
      if (typeof value !== 'string') continue;
      if (/^[A-Z_][A-Z0-9_]*$/.test(key)) values[key] ??= value;
      texts.push(value);
    }
  }
  const result = { values, text: [...Object.values(values), ...texts].join('\n'), file: pod.object.file };
  ctx.configurations.set(pod, result);
  return result;
}

/** Flows from `source` to every cluster Service named in `text` (the API server's `kubernetes.default` aside). */
function callsIn(ctx: Context, source: PodEndpoint, text: string, file: string): NeededFlow[] {
  const seen = new Set<string>();
  return [...serviceLines(text).matchAll(SERVICE_HOST)].flatMap(([, name, namespace, port]) => {
    const key = `${name}.${namespace}:${port ?? ''}`;
    if (seen.has(key) || (name === 'kubernetes' && namespace === 'default')) return [];
    seen.add(key);
    return serviceTargets(ctx, namespace!, name!, port === undefined ? undefined : Number(port)).map((t) => ({
      source,
      destination: t.pod,
      port: t.port,
      reason: `its configuration calls ${name}.${namespace}${port ? `:${port}` : ''}`,
      file,
    }));
  });
}

/** Git pods call what their env and ConfigMaps name; a chart's pods what its values name (from "other pods" of its namespace: which of its pods calls is not known). */
function serviceCalls(ctx: Context): NeededFlow[] {
  const fromGit = ctx.inventory.gitPods.flatMap((pod) => {
    const { text, file } = configuration(ctx, pod);
    return callsIn(ctx, pod.endpoint, text, file);
  });
  const fromCharts = ctx.inventory.releases.flatMap((release) => {
    const source = ctx.inventory.otherPods.get(release.namespace);
    return source ? callsIn(ctx, source, valuesText(ctx, release), release.application.file) : [];
  });
  return [...fromGit, ...fromCharts];
}

function dataStores(ctx: Context): NeededFlow[] {
  const stores = network("the data stores' subnets", ctx.topology.dataStoreSubnets);
  return ctx.inventory.gitPods.flatMap((pod) => {
    const { values, file } = configuration(ctx, pod);
    const ports = new Map<number, string>();
    for (const [key, host] of Object.entries(values)) {
      const prefix = /^([A-Z0-9_]+)_HOST$/.exec(key)?.[1];
      const port = prefix ? num(values[`${prefix}_PORT`]) : undefined;
      if (prefix && port !== undefined && !/\.svc(\.|$|:)/.test(host)) ports.set(port, `${key}=${host}`);
    }
    // Kafka's bootstrap servers come from a secret; the listener follows from the auth settings.
    if (Object.keys(values).some((k) => k.startsWith('KAFKA_'))) {
      const port = values.KAFKA_AUTH === 'AWS_MSK_IAM' ? 9098 : values.KAFKA_TLS === 'true' ? 9094 : 9092;
      ports.set(port, `Kafka (${values.KAFKA_AUTH ?? 'plaintext'})`);
    }
    return [...ports].map(([port, what]) => ({ source: pod.endpoint, destination: stores, port: tcp(port), reason: `it uses ${what}`, file }));
  });
}

/**
 * AWS APIs a pod's configuration uses: S3 buckets, IAM authentication to the database or Kafka
 * (signed with credentials IRSA gets from STS). A role on the service account alone is no need.
 */
function awsApis(ctx: Context): NeededFlow[] {
  const fromGit = ctx.inventory.gitPods.flatMap((pod) => {
    const { values, file } = configuration(ctx, pod);
    const buckets = Object.keys(values).some((k) => k.startsWith('S3_BUCKET_'));
    const iamAuth = values.POSTGRES_AUTH === 'iam' || values.KAFKA_AUTH === 'AWS_MSK_IAM';
    const needs: NeededFlow[] = [];
    if (buckets || iamAuth) {
      needs.push({ source: pod.endpoint, destination: network('AWS STS', ctx.topology.awsService('sts')), port: tcp(443), reason: 'it signs AWS requests with IRSA credentials', file });
    }
    if (buckets) needs.push({ source: pod.endpoint, destination: network('Amazon S3', ctx.topology.awsService('s3')), port: tcp(443), reason: 'it uses S3 buckets', file });
    return needs;
  });
  const fromCharts = ctx.inventory.chartPods
    .filter((p) => p.pod.callsApiServer && valuesText(ctx, p.release).includes('eks.amazonaws.com/role-arn'))
    .map((p) => ({ source: p.endpoint, destination: network('AWS STS', ctx.topology.awsService('sts')), port: tcp(443), reason: 'the chart runs it with an IAM role (IRSA)', file: p.release.application.file }));
  return [...fromGit, ...fromCharts];
}

function dns(ctx: Context): NeededFlow[] {
  const pods = ctx.inventory.all.filter((p) => p !== ctx.inventory.dns);
  return pods.flatMap((pod) =>
    ctx.inventory.dns.ports.map((port) => ({ source: pod, destination: ctx.inventory.dns, port: { protocol: port.protocol, port: port.port }, reason: 'every pod resolves names', file: pod.file })),
  );
}

function loadBalancers(ctx: Context): NeededFlow[] {
  const source = (annotations: Dict) =>
    annotations['alb.ingress.kubernetes.io/scheme'] === 'internet-facing'
      ? network("the internet-facing load balancer's subnets", ctx.topology.publicLoadBalancerSubnets)
      : network("the internal load balancer's subnets", ctx.topology.internalLoadBalancerSubnets);
  // Target type ip: the ALB connects to pod IPs from its own interfaces (instance targets go through node ports).
  const ipTargets = (annotations: Dict) => annotations['alb.ingress.kubernetes.io/target-type'] === 'ip';
  const fromGit = ctx.objects
    .filter((o) => o.kind === 'Ingress' && o.namespace !== null && ipTargets(dict(at(o.object, 'metadata', 'annotations'))))
    .flatMap((ingress) => {
      const spec = dict(ingress.object.spec);
      const backends = [spec.defaultBackend, ...list(spec.rules).flatMap((r) => list(at(r, 'http', 'paths')).map((p) => at(p, 'backend')))].filter(isDict);
      return backends.flatMap((b) => {
        const name = str(at(b, 'service', 'name'));
        const port = num(at(b, 'service', 'port', 'number')) ?? str(at(b, 'service', 'port', 'name'));
        if (!name) return [];
        return serviceTargets(ctx, ingress.namespace!, name, port).map((t) => ({
          source: source(dict(at(ingress.object, 'metadata', 'annotations'))),
          destination: t.pod,
          port: t.port,
          reason: `${ingress.resource} routes to it`,
          file: ingress.file,
        }));
      });
    });
  const fromCharts = ctx.inventory.chartPods.flatMap((p) => {
    const ingress = p.release.record?.ingress?.(p.release.values);
    if (!ingress || ingress.component !== p.pod.component || !ipTargets(ingress.annotations)) return [];
    return [{ source: source(ingress.annotations), destination: p.endpoint, port: tcp(ingress.port), reason: `the ${p.release.chart} chart's Ingress routes to it`, file: p.release.application.file }];
  });
  return [...fromGit, ...fromCharts];
}

function scrapes(ctx: Context): NeededFlow[] {
  const prometheus = ctx.inventory.chartPods.filter((p) => p.release.chart === 'kube-prometheus-stack' && p.pod.component === 'prometheus').map((p) => p.endpoint);
  if (prometheus.length === 0) return [];
  const namespacesOf = (monitor: KubeObject) => {
    const selector = dict(at(monitor.object, 'spec', 'namespaceSelector'));
    if (selector.any === true) return null;
    const names = strings(selector.matchNames);
    return names.length > 0 ? names : [monitor.namespace!];
  };
  const inNamespaces = (ns: string, names: string[] | null) => names === null || names.includes(ns);
  const targets: { pod: PodEndpoint; port: FlowPort; monitor: KubeObject }[] = [];
  const serviceLabels = [...ctx.services.values()].map((svc) => ({
    svc,
    labels: Object.fromEntries(Object.entries(dict(at(svc.object, 'metadata', 'labels'))).filter((e): e is [string, string] => typeof e[1] === 'string')),
  }));
  const serviceIndex = new LabelIndex(serviceLabels, ({ svc }) => svc.namespace, ({ labels }) => labels);
  for (const monitor of ctx.objects.filter((o) => o.kind === 'ServiceMonitor' && o.namespace !== null)) {
    const names = namespacesOf(monitor);
    const selector = at(monitor.object, 'spec', 'selector');
    const services = serviceIndex
      .candidates(names, dict(dict(selector).matchLabels))
      .filter(({ svc, labels }) => inNamespaces(svc.namespace!, names) && selectorMatches(selector, labels))
      .map(({ svc }) => svc);
    for (const svc of services) {
      for (const endpoint of list(at(monitor.object, 'spec', 'endpoints')).filter(isDict)) {
        const port = str(endpoint.port) ?? num(endpoint.targetPort) ?? str(endpoint.targetPort);
        const servicePorts = list(at(svc.object, 'spec', 'ports')).filter(isDict).filter((p) => endpoint.port === undefined || p.name === endpoint.port);
        const pods = podsSelected(ctx, svc.namespace!, dict(at(svc.object, 'spec', 'selector')));
        for (const pod of pods) {
          if (endpoint.port === undefined && port !== undefined) {
            const target = typeof port === 'number' ? port : pod.ports.find((p) => p.name === port)?.port;
            if (target !== undefined) targets.push({ pod, port: tcp(target), monitor });
          } else {
            for (const sp of servicePorts) {
              const target = targetPort(sp, pod);
              if (target) targets.push({ pod, port: target, monitor });
            }
          }
        }
      }
    }
  }
  for (const monitor of ctx.objects.filter((o) => o.kind === 'PodMonitor' && o.namespace !== null)) {
    const names = namespacesOf(monitor);
    const selector = at(monitor.object, 'spec', 'selector');
    const pods = ctx.inventory.gitPods.map((p) => p.endpoint).filter((p) => inNamespaces(p.namespace, names) && selectorMatches(selector, p.labels));
    for (const endpoint of list(at(monitor.object, 'spec', 'podMetricsEndpoints')).filter(isDict)) {
      for (const pod of pods) {
        const target = num(endpoint.portNumber) ?? pod.ports.find((p) => p.name === endpoint.port)?.port;
        if (target !== undefined) targets.push({ pod, port: tcp(target), monitor });
      }
    }
  }
  return prometheus.flatMap((source) =>
    targets.map((t) => ({ source, destination: t.pod, port: t.port, reason: `${t.monitor.resource} scrapes it`, file: t.monitor.file })),
  );
}

function controlPlane(ctx: Context): NeededFlow[] {
  const apiServer = network("the API server's interfaces in the cluster subnets", ctx.topology.controlPlaneSubnets);
  const controlPlaneSource = network("the control plane's interfaces in the cluster subnets", ctx.topology.controlPlaneSubnets);
  return ctx.inventory.chartPods.flatMap((p) => [
    ...(p.pod.callsApiServer ? [{ source: p.endpoint, destination: apiServer, port: tcp(443), reason: 'it watches the Kubernetes API', file: p.release.application.file }] : []),
    ...(p.pod.calledByControlPlane ?? []).map((port) => ({
      source: controlPlaneSource,
      destination: p.endpoint,
      port: tcp(port),
      reason: 'the API server calls its webhook or aggregated API',
      file: p.release.application.file,
    })),
  ]);
}

function sources(ctx: Context): NeededFlow[] {
  const fetchers = ctx.inventory.chartPods.filter((p) => p.pod.fetchesSources);
  const ports = new Map<number, string>();
  for (const app of ctx.objects.filter((o) => o.kind === 'Application' && o.apiVersion.startsWith('argoproj.io/'))) {
    for (const source of [at(app.object, 'spec', 'source'), ...list(at(app.object, 'spec', 'sources'))]) {
      const url = str(at(source, 'repoURL'));
      if (!url) continue;
      const port = /^(ssh:\/\/|git@)/.test(url) ? 22 : 443;
      if (!ports.has(port)) ports.set(port, url);
    }
  }
  return fetchers.flatMap((p) =>
    [...ports].map(([port, url]) => ({ source: p.endpoint, destination: network('Git and chart repositories', PUBLIC_INTERNET), port: tcp(port), reason: `Applications fetch ${url}`, file: p.release.application.file })),
  );
}

export function neededFlows(objects: readonly KubeObject[], inventory: Inventory, topology: Topology): NeededFlow[] {
  const pods = new LabelIndex([...inventory.gitPods.map((p) => p.endpoint), ...inventory.chartPods.map((p) => p.endpoint)], (p) => p.namespace, (p) => p.labels);
  const ctx: Context = { objects, inventory, topology, configMaps: byName(objects, 'ConfigMap'), services: byName(objects, 'Service'), configurations: new WeakMap(), valuesTexts: new Map(), selected: new Map(), pods };
  return [...loadBalancers(ctx), ...serviceCalls(ctx), ...dataStores(ctx), ...awsApis(ctx), ...dns(ctx), ...scrapes(ctx), ...controlPlane(ctx), ...sources(ctx)];
}
