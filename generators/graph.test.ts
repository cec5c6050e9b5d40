import { describe, expect, it } from 'vitest';
import { DependencyGraphError, topologicalLevels } from './graph.js';

const levels = (nodes: { name: string; dependsOn: string[] }[]) => Object.fromEntries(topologicalLevels(nodes));

describe('topologicalLevels', () => {
  it('puts each node one level after its deepest dependency; independent nodes share a level', () => {
    expect(
      levels([
        { name: 'service', dependsOn: ['baseline', 'external-secrets'] },
        { name: 'external-secrets', dependsOn: ['baseline'] },
        { name: 'baseline', dependsOn: [] },
        { name: 'argo-cd', dependsOn: [] },
        { name: 'gateway', dependsOn: ['service', 'baseline'] },
      ]),
    ).toEqual({ baseline: 0, 'argo-cd': 0, 'external-secrets': 1, service: 2, gateway: 3 });
  });

  it('does not depend on input order', () => {
    const nodes = [
      { name: 'a', dependsOn: [] },
      { name: 'b', dependsOn: ['a'] },
      { name: 'c', dependsOn: ['b', 'a'] },
    ];
    expect(levels([...nodes].reverse())).toEqual(levels(nodes));
  });

  it('reports unknown, self and duplicate names together, one line each', () => {
    const error = (() => {
      try {
        topologicalLevels([
          { name: 'a', dependsOn: ['missing'] },
          { name: 'b', dependsOn: ['b'] },
          { name: 'a', dependsOn: [] },
        ]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DependencyGraphError);
    expect((error as DependencyGraphError).problems).toEqual([
      'app "a" is defined more than once',
      'app "a" depends on unknown app "missing"',
      'app "b" depends on itself',
    ]);
  });

  it('names the cycle', () => {
    expect(() =>
      topologicalLevels(
        [
          { name: 'network', dependsOn: ['data'] },
          { name: 'cluster', dependsOn: ['network'] },
          { name: 'data', dependsOn: ['cluster'] },
          { name: 'observability', dependsOn: [] },
        ],
        'stack',
      ),
    ).toThrow('stack dependency cycle: cluster → network → data → cluster');
  });
});
