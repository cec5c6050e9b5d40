/**
 * A structural check of Mermaid flowcharts, for the subset the catalog writes: a `flowchart`
 * header with a direction, quoted node and subgraph labels, `-->` and `-.->` edges with optional
 * quoted labels, balanced `subgraph … end`. It proves ids are valid identifiers (not keywords),
 * declared once, that every id an edge names is declared (Mermaid would silently draw a new, empty
 * node), that labels cannot break out of their quotes, and that subgraphs close. The constructs
 * admitted are those of Mermaid's flowchart grammar (flow.jison: `subgraph id["…"]`, `id["…"]`,
 * `a -->|"…"| b`, `a -.-> b`). It does not prove how Mermaid lays the diagram out, nor that a newer
 * Mermaid keeps accepting this syntax (no browser runs here).
 */

const DIRECTIONS = new Set(['LR', 'RL', 'TD', 'TB', 'BT']);
const KEYWORDS = new Set(['end', 'subgraph', 'graph', 'flowchart', 'direction', 'style', 'classdef', 'class', 'click', 'linkstyle', 'call', 'href']);
const ID = '([A-Za-z][A-Za-z0-9_]*)';
/** A quoted label: no raw quote, and only entity codes (`#quot;`, `#35;` …) where `#` appears. */
const LABEL = '"((?:[^"#\\n]|#[A-Za-z0-9]+;)*)"';
const SUBGRAPH = new RegExp(`^subgraph ${ID}\\[${LABEL}\\]$`);
const NODE = new RegExp(`^${ID}\\[${LABEL}\\]$`);
const EDGE = new RegExp(`^${ID} (?:-->|-\\.->)(?:\\|${LABEL}\\|)? ${ID}$`);

/** Problems of one flowchart's source (the lines inside the fence); empty when it is well formed. */
export function flowchartProblems(source: string): string[] {
  const lines = source.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('%%'));
  const problems: string[] = [];
  const [header, ...body] = lines;
  const match = /^flowchart (\S+)$/.exec(header ?? '');
  if (!match || !DIRECTIONS.has(match[1]!)) problems.push(`line 1: expected "flowchart <LR|RL|TD|TB|BT>", got "${header ?? ''}"`);
  const declared = new Set<string>();
  const edges: { from: string; to: string; line: number }[] = [];
  let depth = 0;
  const declare = (id: string, line: number) => {
    if (KEYWORDS.has(id.toLowerCase())) problems.push(`line ${line}: "${id}" is a Mermaid keyword, not a usable id`);
    if (declared.has(id)) problems.push(`line ${line}: "${id}" is declared twice`);
    declared.add(id);
  };
  body.forEach((line, i) => {
    const n = i + 2;
    let m: RegExpExecArray | null;
    if (line === 'end') {
      if (depth === 0) problems.push(`line ${n}: "end" without a subgraph`);
      else depth--;
    } else if ((m = SUBGRAPH.exec(line))) {
      declare(m[1]!, n);
      depth++;
    } else if ((m = NODE.exec(line))) declare(m[1]!, n);
    else if ((m = EDGE.exec(line))) edges.push({ from: m[1]!, to: m[3]!, line: n });
    else problems.push(`line ${n}: not a node, subgraph, end or edge of the supported subset: ${line}`);
  });
  if (depth > 0) problems.push(`${depth} subgraph(s) not closed with "end"`);
  for (const edge of edges) {
    for (const id of [edge.from, edge.to]) if (!declared.has(id)) problems.push(`line ${edge.line}: edge names "${id}", which is not declared`);
  }
  if (body.length === 0) problems.push('the flowchart is empty');
  return problems;
}

/** The sources of the ```mermaid blocks of a Markdown page. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}
