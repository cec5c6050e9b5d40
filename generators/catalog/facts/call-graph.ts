/**
 * The service call graph: services (grouped by kind), the data stores, topics and buckets they use,
 * and who calls whom, from the declared dependencies of every environment's services (the union:
 * an edge present in any environment is drawn).
 */
import type { ResolvedEnvironment, ResolvedService } from '../../model/types.js';
import { compareStrings } from '../../sort.js';
import { flowchart, type FlowEdge, type FlowNode } from '../markdown/mermaid.js';

const KIND_ORDER = ['gateway', 'api', 'worker'] as const;

interface ServiceGraph {
  services: Map<string, ResolvedService>;
  edges: FlowEdge[];
  /** Edges touching each service, by node key (`service:<name>`). */
  edgesOf: Map<string, FlowEdge[]>;
  stores: Map<string, FlowNode>;
}

/** The union graph, built once per list of environments (service pages each draw a part of it). */
const built = new WeakMap<readonly ResolvedEnvironment[], ServiceGraph>();

function serviceGraph(environments: readonly ResolvedEnvironment[]): ServiceGraph {
  const cached = built.get(environments);
  if (cached) return cached;
  const services = new Map<string, ResolvedService>();
  for (const env of environments) for (const s of env.services) if (!services.has(s.name)) services.set(s.name, s);
  const edges = new Map<string, FlowEdge>();
  const stores = new Map<string, FlowNode>();
  const addEdge = (edge: FlowEdge) => edges.set(`${edge.from}\u0000${edge.to}\u0000${edge.label ?? ''}`, edge);
  const store = (key: string, label: string) => {
    stores.set(key, { key, label });
    return key;
  };
  for (const env of environments) {
    for (const s of env.services) {
      const from = `service:${s.name}`;
      const d = s.dependencies;
      for (const callee of d.calls) addEdge({ from, to: `service:${callee}`, label: 'calls' });
      if (d.database !== 'none') addEdge({ from, to: store('store:postgres', 'PostgreSQL (Aurora)'), label: d.database, dotted: true });
      if (d.cache) addEdge({ from, to: store('store:redis', 'Redis (ElastiCache)'), dotted: true });
      for (const t of d.topics) {
        const topic = store(`topic:${t.name}`, `topic ${t.name}`);
        addEdge(t.access === 'produce' ? { from, to: topic, label: 'produces', dotted: true } : { from: topic, to: from, label: 'consumed by', dotted: true });
      }
      for (const b of d.buckets) addEdge({ from, to: store(`bucket:${b.name}`, `bucket ${b.name}`), label: b.access, dotted: true });
    }
  }
  const edgesOf = new Map<string, FlowEdge[]>();
  for (const edge of edges.values()) {
    for (const end of new Set([edge.from, edge.to])) edgesOf.set(end, [...(edgesOf.get(end) ?? []), edge]);
  }
  const graph = { services, edges: [...edges.values()], edgesOf, stores };
  built.set(environments, graph);
  return graph;
}

export function callGraph(environments: readonly ResolvedEnvironment[], only?: string): string[] {
  const { services, edges, edgesOf, stores } = serviceGraph(environments);
  // A service's own page shows only its neighbourhood.
  const kept = only ? [...(edgesOf.get(`service:${only}`) ?? [])] : [...edges];
  const used = new Set(kept.flatMap((e) => [e.from, e.to]));
  if (only) used.add(`service:${only}`);
  const names = (only ? [...used].filter((k) => k.startsWith('service:')).map((k) => k.slice('service:'.length)) : [...services.keys()]).sort(compareStrings);
  const kinds = KIND_ORDER.filter((kind) => names.some((n) => services.get(n)!.kind === kind));
  return flowchart({
    direction: 'LR',
    groups: [
      ...kinds.map((kind) => ({
        key: `kind:${kind}`,
        label: `${kind}s`,
        nodes: names.filter((n) => services.get(n)!.kind === kind).map((n) => ({ key: `service:${n}`, label: n })),
      })),
    ],
    nodes: (only ? [...used].flatMap((k) => (stores.has(k) ? [stores.get(k)!] : [])) : [...stores.values()]).sort((a, b) => compareStrings(a.key, b.key)),
    edges: kept.sort((a, b) => compareStrings(`${a.from} ${a.to} ${a.label ?? ''}`, `${b.from} ${b.to} ${b.label ?? ''}`)),
  });
}
