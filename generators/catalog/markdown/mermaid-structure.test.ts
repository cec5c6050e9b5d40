import { describe, expect, it } from 'vitest';
import { flowchart } from './mermaid.js';
import { flowchartProblems, mermaidBlocks } from './mermaid-structure.js';

describe('the Mermaid structure check', () => {
  it('accepts what the flowchart builder writes, including awkward names', () => {
    const lines = flowchart({
      direction: 'TD',
      groups: [{ key: 'end', label: 'the "end" #1', nodes: [{ key: 'o-x', label: '<x>' }] }],
      nodes: [{ key: '9lives', label: 'nine' }],
      edges: [{ from: 'o-x', to: '9lives', label: 'a|b' }, { from: 'end', to: '9lives', dotted: true }],
    });
    expect(flowchartProblems(lines.join('\n'))).toEqual([]);
  });

  it('reports each kind of broken chart on its line', () => {
    const broken = ['graph XY', 'subgraph end["x"]', 'a["A"]', 'a["again"]', 'b["say "hi""]', 'a --> c', 'a -> a', 'end', 'end', 'subgraph s["open"]'].join('\n');
    expect(flowchartProblems(broken)).toEqual([
      'line 1: expected "flowchart <LR|RL|TD|TB|BT>", got "graph XY"',
      'line 2: "end" is a Mermaid keyword, not a usable id',
      'line 4: "a" is declared twice',
      'line 5: not a node, subgraph, end or edge of the supported subset: b["say "hi""]',
      'line 7: not a node, subgraph, end or edge of the supported subset: a -> a',
      'line 9: "end" without a subgraph',
      '1 subgraph(s) not closed with "end"',
      'line 6: edge names "c", which is not declared',
    ]);
    expect(flowchartProblems('flowchart LR')).toEqual(['the flowchart is empty']);
    expect(flowchartProblems('flowchart LR\n  a["a #lt; b #unterminated"]')).toEqual(['line 2: not a node, subgraph, end or edge of the supported subset: a["a #lt; b #unterminated"]']);
  });

  it('finds the mermaid blocks of a page', () => {
    expect(mermaidBlocks('# x\n\n```mermaid\nflowchart LR\n  a["A"]\n```\n\n```sh\nls\n```\n')).toEqual(['flowchart LR\n  a["A"]\n']);
  });
});
