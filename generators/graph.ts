/**
 * Dependency graphs (apps, Terraform stacks): validation and topological levels. A node's level is
 * 0 when it depends on nothing and 1 + the highest level of its dependencies otherwise, so Argo CD
 * sync waves and Atlantis execution order groups put every node after what it needs, and
 * independent nodes share a level.
 */
import { compareStrings } from './sort.js';

export interface GraphNode {
  name: string;
  dependsOn: readonly string[];
}

/** A broken dependency graph: every problem, one per line. */
export class DependencyGraphError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DependencyGraphError';
  }
}

function structuralProblems(nodes: readonly GraphNode[], what: string): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const node of nodes) {
    if (names.has(node.name)) problems.push(`${what} "${node.name}" is defined more than once`);
    names.add(node.name);
  }
  for (const node of nodes) {
    for (const dep of node.dependsOn) {
      if (dep === node.name) problems.push(`${what} "${node.name}" depends on itself`);
      else if (!names.has(dep)) problems.push(`${what} "${node.name}" depends on unknown ${what} "${dep}"`);
    }
  }
  return problems;
}

/** Finds one cycle (as a path a → b → … → a) among nodes whose dependencies all exist. */
function findCycle(byName: ReadonlyMap<string, GraphNode>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of [...(byName.get(name)?.dependsOn ?? [])].sort(compareStrings)) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of [...byName.keys()].sort(compareStrings)) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Topological level of every node. Throws DependencyGraphError for duplicate names, unknown or
 * self dependencies, and cycles. `what` names the nodes in messages ("app", "stack").
 */
export function topologicalLevels(nodes: readonly GraphNode[], what = 'app'): Map<string, number> {
  const problems = structuralProblems(nodes, what);
  if (problems.length > 0) throw new DependencyGraphError(problems);
  const byName = new Map(nodes.map((node) => [node.name, node]));
  const cycle = findCycle(byName);
  if (cycle) throw new DependencyGraphError([`${what} dependency cycle: ${cycle.join(' → ')}`]);

  const levels = new Map<string, number>();
  const level = (name: string): number => {
    const known = levels.get(name);
    if (known !== undefined) return known;
    const deps = byName.get(name)?.dependsOn ?? [];
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(level));
    levels.set(name, value);
    return value;
  };
  for (const node of nodes) level(node.name);
  return levels;
}
