import { describe, expect, it } from 'vitest';
import { flowchart, identifierOf, identifiers, label } from './mermaid.js';

describe('Mermaid flowcharts', () => {
  it('derives identifiers that start with a letter and hold only letters, digits and _', () => {
    expect(identifierOf('service:api-gateway')).toBe('service_api_gateway');
    expect(identifierOf('1st.stack')).toBe('n_1st_stack');
    expect(identifierOf('--x--')).toBe('x');
  });

  it('breaks collisions and avoids keywords, stably in key order', () => {
    const ids = identifiers(['b:c', 'b-c', 'end', 'b.c']);
    expect([...ids.entries()]).toEqual([
      ['b-c', 'b_c'],
      ['b.c', 'b_c_2'],
      ['b:c', 'b_c_3'],
      ['end', 'end_2'],
    ]);
  });

  it('quotes labels and writes Mermaid syntax characters as entity codes', () => {
    expect(label('a "b" #1 <c>\nd')).toBe('"a #quot;b#quot; #35;1 #lt;c#gt; d"');
  });

  it('writes groups, nodes and edges', () => {
    expect(
      flowchart({
        direction: 'LR',
        groups: [{ key: 'g:1', label: 'group', nodes: [{ key: 'a', label: 'A' }] }],
        nodes: [{ key: 'b', label: 'B' }],
        edges: [
          { from: 'a', to: 'b', label: 'calls' },
          { from: 'g:1', to: 'b', dotted: true },
        ],
      }),
    ).toEqual(['flowchart LR', '  subgraph g_1["group"]', '    a["A"]', '  end', '  b["B"]', '  a -->|"calls"| b', '  g_1 -.-> b']);
  });

  it('refuses an edge to a node it does not know and duplicate keys (generator bugs)', () => {
    expect(() => flowchart({ direction: 'LR', nodes: [{ key: 'a', label: 'A' }], edges: [{ from: 'a', to: 'z' }] })).toThrow('unknown node z');
    expect(() => flowchart({ direction: 'LR', nodes: [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }], edges: [] })).toThrow('duplicate keys');
  });
});
