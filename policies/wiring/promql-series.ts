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

type Kind = 'ident' | 'string' | 'number' | 'punct';
/** The tokens of an expression as two parallel lists (no object per token): kinds[i] and texts[i]. */
interface Tokens {
  kinds: Kind[];
  texts: string[];
}

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan', 'atan2']);
/** Aggregation operators may take their grouping first: `sum by (le) (…)`. */
const AGGREGATIONS = new Set(['sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk', 'quantile', 'limitk', 'limit_ratio']);
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']' };
/** `=~ !~ != == >= <=`: the two-character operators, read as one token (`first`, `second`: character codes). */
const isOperator = (first: number, second: number) =>
  ((first === 61 || first === 33) && (second === 126 || second === 61)) || ((first === 62 || first === 60) && second === 61);

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

function tokenize(expr: string): Tokens {
  const kinds: Kind[] = [];
  const texts: string[] = [];
  const push = (kind: Kind, text: string) => {
    kinds.push(kind);
    texts.push(text);
  };
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    const code = expr.charCodeAt(i);
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') i++;
    else if (c === '#') while (i < expr.length && expr[i] !== '\n') i++;
    else if (c === '"' || c === "'" || c === '`') {
      const { text, end } = quoted(expr, i, c);
      push('string', text);
      i = end;
    } else if (isDigitOrDot(code)) {
      const end = scan(expr, i + 1, continuesNumber);
      push('number', expr.slice(i, end));
      i = end;
    } else if (startsIdent(code)) {
      const end = scan(expr, i + 1, continuesIdent);
      push('ident', expr.slice(i, end));
      i = end;
    } else {
      const operator = isOperator(code, expr.charCodeAt(i + 1));
      push('punct', operator ? expr.slice(i, i + 2) : c);
      i += operator ? 2 : 1;
    }
  }
  return { kinds, texts };
}

/** Index just past the group that opens at `start` (`(`, `{` or `[`). */
function skipGroup(texts: readonly string[], start: number): number {
  const open = texts[start]!;
  const close = CLOSING[open]!;
  let depth = 0;
  for (let i = start; i < texts.length; i++) {
    if (texts[i] === open) depth++;
    else if (texts[i] === close && --depth === 0) return i + 1;
  }
  return texts.length;
}

function matchers({ kinds, texts }: Tokens, start: number, end: number): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = start + 1; i + 2 < end; i++) {
    if (kinds[i] === 'ident' && texts[i + 1] === '=' && kinds[i + 2] === 'string') labels[texts[i]!] = texts[i + 2]!;
  }
  return labels;
}

export function vectorSelectors(expr: string): VectorSelector[] {
  const tokens = tokenize(expr);
  const { kinds, texts } = tokens;
  const found: VectorSelector[] = [];
  let i = 0;
  while (i < texts.length) {
    const kind = kinds[i]!;
    const text = texts[i]!;
    const next = texts[i + 1];
    if (kind === 'ident' && GROUPING.has(text) && next === '(') {
      i = skipGroup(texts, i + 1);
    } else if (text === '[') {
      i = skipGroup(texts, i);
    } else if (kind === 'ident' && (next === '(' || AGGREGATIONS.has(text))) {
      i++; // a function or aggregation
    } else if (kind === 'ident' && !KEYWORDS.has(text)) {
      const end = next === '{' ? skipGroup(texts, i + 1) : i + 1;
      found.push({ name: text, labels: next === '{' ? matchers(tokens, i + 1, end) : {} });
      i = end;
    } else if (text === '{') {
      const end = skipGroup(texts, i);
      const labels = matchers(tokens, i, end);
      if (labels.__name__) found.push({ name: labels.__name__, labels });
      i = end;
    } else i++;
  }
  return found;
}
