/**
 * Which calls order the bring-up. Calling another service is a run-time relation: callers retry, so
 * two services may call each other and still sync in any order. Only a gateway needs its upstreams
 * before it starts (nginx resolves every upstream host when it loads its configuration), so only a
 * gateway's calls become Argo CD ordering (sync waves). A cycle of such start-up needs (gateways
 * calling each other) can never come up: that is one problem line naming the files involved.
 */
import { compareStrings } from '../sort.js';
import type { Problem } from './problem.js';

interface Caller {
  name: string;
  kind: string;
  dependencies: { calls: readonly string[] };
}

/** The services `service` needs running before it starts. */
export function startupCalls(service: Caller): string[] {
  return service.kind === 'gateway' ? [...service.dependencies.calls] : [];
}

/** One problem per start-up cycle among the services (only services that exist are followed). */
export function startupCycleProblems(services: readonly { file: string; value: Caller }[]): Problem[] {
  const byName = new Map(services.map((s) => [s.value.name, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const problems: Problem[] = [];
  const visit = (name: string): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      const first = byName.get(cycle[0]!)!;
      const steps = cycle.map((n) => `${n} (${byName.get(n)!.file})`).join(' → ');
      problems.push({
        file: first.file,
        path: 'dependencies.calls',
        message: `start-up cycle: ${steps}; a gateway needs the services it calls running before it starts, so gateways cannot call each other in a circle`,
      });
      return;
    }
    state.set(name, 'visiting');
    stack.push(name);
    const service = byName.get(name);
    for (const callee of [...(service ? startupCalls(service.value) : [])].sort(compareStrings)) if (byName.has(callee) && callee !== name) visit(callee);
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of [...byName.keys()].sort(compareStrings)) visit(name);
  return problems;
}
