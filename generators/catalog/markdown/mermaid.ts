/**
 * Mermaid flowcharts from keyed nodes, groups and edges. Node ids are derived from the keys and are
 * always valid Mermaid identifiers: a letter first, then letters, digits and `_` (so never `end`,
 * never an `o`/`x` right after an arrow), unique within the chart. Labels are quoted, with `"`, `#`,
 * `<` and `>` written as Mermaid entity codes.
 */
import { compareStrings } from '../../sort.js';

export interface FlowNode {
  /** Unique within the chart, e.g. `service:api-gateway`; the id is derived from it. */
  key: string;
  label: string;
}

export interface FlowGroup {
  key: string;
  label: string;
  nodes: FlowNode[];
}

export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
  /** Drawn dotted (e.g. a dependency on a data store rather than a call). */
  dotted?: boolean;
}

export interface Flowchart {
  direction: 'LR' | 'TD';
  groups?: FlowGroup[];
  nodes?: FlowNode[];
  edges: FlowEdge[];
}

/** A valid identifier from a key: `service:api-gateway` → `service_api_gateway`, prefixed with `n_` unless it starts with a letter. */
export function identifierOf(key: string): string {
  const base = key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(base) ? base : `n_${base}`;
}

/** Ids for every key: derived from the key, collisions broken by `_2`, `_3`… in key order (stable). */
export function identifiers(keys: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of [...new Set(keys)].sort(compareStrings)) {
    const base = identifierOf(key);
    let id = base;
    for (let n = 2; taken.has(id) || RESERVED.has(id.toLowerCase()); n++) id = `${base}_${n}`;
    taken.add(id);
    ids.set(key, id);
  }
  return ids;
}

/** Words Mermaid's flowchart grammar treats as keywords. */
const RESERVED = new Set(['end', 'subgraph', 'graph', 'flowchart', 'direction', 'style', 'classdef', 'class', 'click', 'linkstyle', 'call', 'href']);

/** A label inside double quotes: characters Mermaid would read as syntax become entity codes. */
export function label(value: string): string {
  return `"${value.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\r\n?|\n/g, ' ')}"`;
}

/** The lines of a flowchart (without the fence). Throws on an edge to an unknown node (a generator bug). */
export function flowchart(chart: Flowchart): string[] {
  const groups = chart.groups ?? [];
  const nodes = chart.nodes ?? [];
  const allNodes = [...groups.flatMap((g) => g.nodes), ...nodes];
  const keys = [...groups.map((g) => g.key), ...allNodes.map((n) => n.key)];
  if (new Set(keys).size !== keys.length) throw new Error(`flowchart: duplicate keys in ${keys.join(', ')}`);
  const ids = identifiers(keys);
  const id = (key: string) => {
    const found = ids.get(key);
    if (!found) throw new Error(`flowchart: edge names unknown node ${key}`);
    return found;
  };
  const node = (n: FlowNode) => `${id(n.key)}[${label(n.label)}]`;
  const edge = (e: FlowEdge) => {
    const arrow = e.dotted ? '-.->' : '-->';
    return `  ${id(e.from)} ${arrow}${e.label ? `|${label(e.label)}|` : ''} ${id(e.to)}`;
  };
  return [
    `flowchart ${chart.direction}`,
    ...groups.flatMap((g) => [`  subgraph ${id(g.key)}[${label(g.label)}]`, ...g.nodes.map((n) => `    ${node(n)}`), '  end']),
    ...nodes.map((n) => `  ${node(n)}`),
    ...chart.edges.map(edge),
  ];
}
