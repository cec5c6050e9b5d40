/**
 * Every pod the check reasons about: workloads in Git (labels and container ports from their Pod
 * templates), the pods upstream charts render (CHART_RECORDS, in the namespace their Argo CD
 * Application deploys to), "any other pod" of each namespace a chart deploys to, and CoreDNS.
 */
import { parse } from 'yaml';
import type { KubeObject } from '../engine/kubernetes.js';
import { at, dict, isDict, list, num, str, type Dict } from '../engine/values.js';
import { workloads } from '../kubernetes/workloads.js';
import { type AddressSet } from './addresses.js';
import { CHART_RECORDS, chartName, CLUSTER_DNS, type ChartPod, type ChartRecord } from './chart-components.js';
import type { PodEndpoint, PodPort, Protocol } from './endpoints.js';

export interface ChartRelease {
  chart: string;
  namespace: string;
  values: Dict;
  record?: ChartRecord;
  application: KubeObject;
}

export interface GitPod {
  endpoint: PodEndpoint;
  object: KubeObject;
  podSpec: Dict;
}

export interface ChartPodEndpoint {
  endpoint: PodEndpoint;
  release: ChartRelease;
  pod: ChartPod;
}

export interface Inventory {
  gitPods: GitPod[];
  chartPods: ChartPodEndpoint[];
  /** One per namespace a chart deploys to: the pods Git does not list. */
  otherPods: Map<string, PodEndpoint>;
  dns: PodEndpoint;
  releases: ChartRelease[];
  /** Namespaces whose every pod is in Git (no chart deploys there). */
  applicationNamespaces: Set<string>;
  all: PodEndpoint[];
}

function helmValues(source: unknown): Dict {
  const object = at(source, 'helm', 'valuesObject');
  if (isDict(object)) return object;
  const text = str(at(source, 'helm', 'values'));
  if (text === undefined) return {};
  try {
    return dict(parse(text));
  } catch {
    return {};
  }
}

export function containerPorts(podSpec: Dict): PodPort[] {
  return list(podSpec.containers)
    .filter(isDict)
    .flatMap((c) => list(c.ports).filter(isDict))
    .flatMap((p) => {
      const port = num(p.containerPort);
      if (port === undefined) return [];
      return [{ port, protocol: (str(p.protocol) ?? 'TCP') as Protocol, ...(str(p.name) ? { name: str(p.name)! } : {}) }];
    });
}

export function inventory(objects: readonly KubeObject[], podSubnets: AddressSet): Inventory {
  const gitPods: GitPod[] = workloads(objects)
    .filter((w) => w.object.namespace !== null)
    .map((w) => ({
      object: w.object,
      podSpec: w.podSpec,
      endpoint: {
        kind: 'pod',
        id: w.object.resource,
        namespace: w.object.namespace!,
        labels: w.podLabels,
        ports: containerPorts(w.podSpec),
        addresses: podSubnets,
        // The VPC CNI agent skips host-network pods and pods without an owner (bare Pods).
        policed: w.podSpec.hostNetwork !== true && w.object.kind !== 'Pod',
        anonymous: false,
        file: w.object.file,
      },
    }));

  const releases: ChartRelease[] = objects
    .filter((o) => o.kind === 'Application' && o.apiVersion.startsWith('argoproj.io/'))
    .flatMap((application) => {
      const chart = chartName(application.object);
      const namespace = str(at(application.object, 'spec', 'destination', 'namespace'));
      if (!chart || !namespace) return [];
      const record = Object.hasOwn(CHART_RECORDS, chart) ? CHART_RECORDS[chart] : undefined;
      return [{ chart, namespace, values: helmValues(at(application.object, 'spec', 'source')), application, ...(record ? { record } : {}) }];
    });

  const chartPods: ChartPodEndpoint[] = releases.flatMap((release) =>
    (release.record?.pods ?? []).map((pod) => ({
      release,
      pod,
      endpoint: {
        kind: 'pod' as const,
        id: `${release.chart} ${pod.component} pods (${release.namespace})`,
        namespace: release.namespace,
        labels: pod.labels,
        ports: pod.ports,
        addresses: podSubnets,
        policed: true,
        anonymous: false,
        file: release.application.file,
      },
    })),
  );

  const otherPods = new Map<string, PodEndpoint>();
  for (const release of releases) {
    if (otherPods.has(release.namespace)) continue;
    otherPods.set(release.namespace, {
      kind: 'pod',
      id: `other pods of ${release.namespace}`,
      namespace: release.namespace,
      labels: {},
      ports: [],
      addresses: podSubnets,
      policed: true,
      anonymous: true,
      file: release.application.file,
    });
  }

  const dns: PodEndpoint = {
    kind: 'pod',
    id: `CoreDNS pods (${CLUSTER_DNS.namespace})`,
    namespace: CLUSTER_DNS.namespace,
    labels: CLUSTER_DNS.labels,
    ports: CLUSTER_DNS.ports,
    addresses: podSubnets,
    policed: true,
    anonymous: false,
    file: '',
  };

  const chartNamespaces = new Set(releases.map((r) => r.namespace));
  const applicationNamespaces = new Set(gitPods.map((p) => p.endpoint.namespace).filter((ns) => !chartNamespaces.has(ns) && ns !== CLUSTER_DNS.namespace));
  return {
    gitPods,
    chartPods,
    otherPods,
    dns,
    releases,
    applicationNamespaces,
    all: [...gitPods.map((p) => p.endpoint), ...chartPods.map((p) => p.endpoint), ...otherPods.values(), dns],
  };
}
