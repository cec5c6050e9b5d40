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

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']' };
const OPERATORS = new Set(['=~', '!~', '!=', '==', '>=', '<=']);

const isDigitOrDot = (c: number) => (c >= 48 && c <= 57) || c === 46;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** `[a-zA-Z_:]`: the first character of a name. */
const startsIdent = (c: number) => isLetter(c) || c === 95 || c === 58;
/** `[a-zA-Z0-9_:]`: the rest of a name. */
const continuesIdent = (c: number) => startsIdent(c) || (c >= 48 && c <= 57);
/** `[0-9a-zA-Z_.]`: the rest of a number (durations, exponents, hex). */
const continuesNumber = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 46;

/** Index just past the run of characters from `i` that `accepts`. */
function scan(expr: string, i: number, accepts: (c: number) => boolean): number {
  let j = i;
  while (j < expr.length && accepts(expr.charCodeAt(j))) j++;
  return j;
}

/** A quoted string opening at `i`: its text (backslash escapes the next character, except in backticks) and the index past it. */
function quoted(expr: string, i: number, quote: string): { text: string; end: number } {
  const close = expr.indexOf(quote, i + 1);
  const raw = close === -1 ? expr.slice(i + 1) : expr.slice(i + 1, close);
  if (quote === '`' || !raw.includes('\\')) return { text: raw, end: close === -1 ? expr.length + 1 : close + 1 };
  let j = i + 1;
  let text = '';
  while (j < expr.length && expr[j] !== quote) {
    if (expr[j] === '\\') j++;
    text += expr[j] ?? '';
    j++;
  }
  return { text, end: j + 1 };
}

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    const code = expr.charCodeAt(i);
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') i++;
    else if (c === '#') while (i < expr.length && expr[i] !== '\n') i++;
    else if (c === '"' || c === "'" || c === '`') {
      const { text, end } = quoted(expr, i, c);
      tokens.push({ kind: 'string', text });
      i = end;
    } else if (isDigitOrDot(code)) {
      const end = scan(expr, i + 1, continuesNumber);
      tokens.push({ kind: 'number', text: expr.slice(i, end) });
      i = end;
    } else if (startsIdent(code)) {
      const end = scan(expr, i + 1, continuesIdent);
      tokens.push({ kind: 'ident', text: expr.slice(i, end) });
      i = end;
    } else {
      const pair = expr.slice(i, i + 2);
      const text = OPERATORS.has(pair) ? pair : c;
      tokens.push({ kind: 'punct', text });
      i += text.length;
    }
  }
  return tokens;
}

/** Index just past the group that opens at `start` (`(`, `{` or `[`). */
function skipGroup(tokens: Token[], start: number): number {
  const open = tokens[start]!.text;
  const close = CLOSING[open]!;
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
    const name = tokens[i]!;
    const value = tokens[i + 2]!;
    if (name.kind === 'ident' && tokens[i + 1]!.text === '=' && value.kind === 'string') labels[name.text] = value.text;
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
