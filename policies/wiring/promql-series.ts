/**
 * The series a PromQL expression reads: the metric name of every vector selector, with its
 * equality label matchers (`job="api"`). A small lexer, not a full parser: function and aggregation
 * names (followed by `(`), keywords, grouping label lists (`by (…)`), label matchers inside `{…}`,
 * ranges inside `[…]`, numbers and strings are skipped.
 */
export interface VectorSelector {
  name: string;
  /** Equality matchers only (`=`); regex and negative matchers do not pin a value. */
  labels: Record<string, string>;
}

type Token = { kind: 'ident' | 'string' | 'number' | 'punct'; text: string };

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan', 'atan2']);
/** Aggregation operators may take their grouping first: `sum by (le) (…)`. */
const AGGREGATIONS = new Set(['sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk', 'quantile', 'limitk', 'limit_ratio']);
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

const NUMBER = /[0-9.][0-9a-zA-Z_.]*/y;
const IDENT = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const OPERATOR = /=~|!~|!=|==|>=|<=/y;

/** The token of `pattern` (a sticky regex) at `i`, if any. */
function match(pattern: RegExp, expr: string, i: number): string | undefined {
  pattern.lastIndex = i;
  return pattern.exec(expr)?.[0];
}

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') i++;
    else if (c === '#') while (i < expr.length && expr[i] !== '\n') i++;
    else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      let text = '';
      while (j < expr.length && expr[j] !== c) {
        if (expr[j] === '\\' && c !== '`') j++;
        text += expr[j] ?? '';
        j++;
      }
      tokens.push({ kind: 'string', text });
      i = j + 1;
    } else {
      const number = /[0-9.]/.test(c) ? match(NUMBER, expr, i) : undefined;
      const ident = number === undefined ? match(IDENT, expr, i) : undefined;
      const text = number ?? ident ?? match(OPERATOR, expr, i) ?? c;
      tokens.push({ kind: number !== undefined ? 'number' : ident !== undefined ? 'ident' : 'punct', text });
      i += text.length;
    }
  }
  return tokens;
}

/** Index just past the group that opens at `start` (`(`, `{` or `[`). */
function skipGroup(tokens: Token[], start: number): number {
  const open = tokens[start]!.text;
  const close = ({ '(': ')', '{': '}', '[': ']' } as Record<string, string>)[open]!;
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    if (tokens[i]!.text === open) depth++;
    else if (tokens[i]!.text === close && --depth === 0) return i + 1;
  }
  return tokens.length;
}

function matchers(tokens: Token[], start: number, end: number): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = start + 1; i + 2 < end; i++) {
    const [name, op, value] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (name.kind === 'ident' && op.text === '=' && value.kind === 'string') labels[name.text] = value.text;
  }
  return labels;
}

export function vectorSelectors(expr: string): VectorSelector[] {
  const tokens = tokenize(expr);
  const found: VectorSelector[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.kind === 'ident' && GROUPING.has(t.text) && next?.text === '(') {
      i = skipGroup(tokens, i + 1);
    } else if (t.text === '[') {
      i = skipGroup(tokens, i);
    } else if (t.kind === 'ident' && (next?.text === '(' || AGGREGATIONS.has(t.text))) {
      i++; // a function or aggregation
    } else if (t.kind === 'ident' && !KEYWORDS.has(t.text)) {
      const end = next?.text === '{' ? skipGroup(tokens, i + 1) : i + 1;
      found.push({ name: t.text, labels: next?.text === '{' ? matchers(tokens, i + 1, end) : {} });
      i = end;
    } else if (t.text === '{') {
      const end = skipGroup(tokens, i);
      const labels = matchers(tokens, i, end);
      if (labels.__name__) found.push({ name: labels.__name__, labels });
      i = end;
    } else i++;
  }
  return found;
}
