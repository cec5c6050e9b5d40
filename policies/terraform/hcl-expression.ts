/**
 * Reads policy documents out of Terraform JSON string attributes. cdktf writes a document either as
 * a JSON string, as a reference (`${data.aws_iam_policy_document.x.json}`), or as
 * `${jsonencode({"Version" = "2012-10-17", "Statement" = [...]})}`: an HCL expression, with bare
 * references (`aws_s3_bucket.b.arn`), templates (`"${aws_s3_bucket.b.arn}/*"`) and function calls
 * inside. This is a small parser for that subset of HCL native syntax: literals, objects, tuples and
 * quoted templates are read as values; any other expression becomes the string `${<expression>}`,
 * which is exactly how Terraform's JSON syntax spells it, so downstream code sees one shape.
 * Quoted strings follow HCL's rules (escapes, `$${` for a literal `${`); what Terraform could not
 * parse is reported as invalid rather than guessed at.
 */

export type PolicySource =
  | { kind: 'document'; document: unknown }
  | { kind: 'data-source'; address: string }
  | { kind: 'opaque'; expression: string }
  | { kind: 'invalid'; reason: string };

class ParseError extends Error {}

const IDENTIFIER = /[A-Za-z_][\w-]*/y;
const NUMBER = /-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

class Parser {
  constructor(
    private readonly text: string,
    public pos = 0,
  ) {}

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  private fail(message: string): never {
    throw new ParseError(message);
  }

  skipSpace(newlines = true): void {
    while (this.pos < this.text.length && (newlines ? /\s/ : /[ \t\r]/).test(this.peek())) this.pos++;
  }

  expect(char: string): void {
    this.skipSpace();
    if (this.peek() !== char) this.fail(`expected "${char}"`);
    this.pos++;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  /** Index just past the `}` closing the interpolation or directive that starts at `start` (`${` or `%{`). */
  skipInterpolation(start: number): number {
    let depth = 0;
    let i = start + 1;
    while (i < this.text.length) {
      const c = this.text[i]!;
      if (c === '"') i = this.skipQuoted(i);
      else {
        if (c === '{' || c === '(' || c === '[') depth++;
        else if (c === '}' || c === ')' || c === ']') {
          depth--;
          if (depth === 0) return i + 1;
        }
        i++;
      }
    }
    throw new ParseError('unterminated ${...} interpolation');
  }

  /** Index just past the quoted template that starts at `start`. */
  private skipQuoted(start: number): number {
    let i = start + 1;
    while (i < this.text.length) {
      const c = this.text[i]!;
      if (c === '\\') i += 2;
      else if (c === '"') return i + 1;
      else if ((c === '$' || c === '%') && this.text[i + 1] === c && this.text[i + 2] === '{') i += 3;
      else if ((c === '$' || c === '%') && this.text[i + 1] === '{') i = this.skipInterpolation(i);
      else i++;
    }
    throw new ParseError('unterminated string');
  }

  /** A quoted template; interpolations and directives are kept verbatim. */
  private template(): string {
    this.pos++;
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.peek();
      const next = this.text[this.pos + 1];
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (next !== undefined && escapes[next] !== undefined) {
          out += escapes[next];
          this.pos += 2;
        } else if (next === 'u' || next === 'U') {
          const length = next === 'u' ? 4 : 8;
          const hex = this.text.slice(this.pos + 2, this.pos + 2 + length);
          if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== length) this.fail('invalid unicode escape');
          out += String.fromCodePoint(parseInt(hex, 16));
          this.pos += 2 + length;
        } else this.fail(`invalid escape "\\${next ?? ''}"`);
      } else if ((c === '$' || c === '%') && next === c && this.text[this.pos + 2] === '{') {
        // `$${` is a literal `${` (kept escaped, as Terraform JSON spells it); `%%{` a literal `%{`.
        out += c === '$' ? '$${' : '%{';
        this.pos += 3;
      } else if ((c === '$' || c === '%') && next === '{') {
        const end = this.skipInterpolation(this.pos);
        out += this.text.slice(this.pos, end);
        this.pos = end;
      } else {
        out += c;
        this.pos++;
      }
    }
    return this.fail('unterminated string');
  }

  /** Any expression this parser does not model, up to the next top-level separator. */
  private opaque(): string {
    const start = this.pos;
    const stack: string[] = [];
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (c === '"') this.pos = this.skipQuoted(this.pos);
      else if (CLOSERS[c]) {
        stack.push(CLOSERS[c]!);
        this.pos++;
      } else if (stack.length > 0 && c === stack[stack.length - 1]) {
        stack.pop();
        this.pos++;
      } else if (stack.length === 0 && (c === ',' || c === '\n' || c === ')' || c === ']' || c === '}')) break;
      else this.pos++;
    }
    const expression = this.text.slice(start, this.pos).trim();
    if (expression === '' || stack.length > 0) this.fail('expected an expression');
    return `\${${expression}}`;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.tuple();
    if (c === '"') return this.template();
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (number && !/[\w.]/.test(this.text[this.pos + number[0].length] ?? '')) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    IDENTIFIER.lastIndex = this.pos;
    const word = IDENTIFIER.exec(this.text)?.[0];
    const literals: Record<string, unknown> = { true: true, false: false, null: null };
    if (word !== undefined && word in literals && !/[\w.([-]/.test(this.text[this.pos + word.length] ?? '')) {
      this.pos += word.length;
      return literals[word];
    }
    return this.opaque();
  }

  private key(): string {
    this.skipSpace();
    if (this.peek() === '"') return this.template();
    if (this.peek() === '(') {
      // Scanning from the character before the "(" counts it as the opening bracket.
      const end = this.skipInterpolation(this.pos - 1);
      const key = `\${${this.text.slice(this.pos + 1, end - 1)}}`;
      this.pos = end;
      return key;
    }
    IDENTIFIER.lastIndex = this.pos;
    const word = IDENTIFIER.exec(this.text)?.[0];
    if (word === undefined) this.fail('expected an object key');
    this.pos += word.length;
    return word;
  }

  private object(): Record<string, unknown> {
    this.expect('{');
    const result: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace();
      if (this.peek() === '}') {
        this.pos++;
        return result;
      }
      const key = this.key();
      this.skipSpace();
      if (this.peek() !== '=' && this.peek() !== ':') this.fail('expected "=" or ":" after an object key');
      this.pos++;
      result[key] = this.value();
      this.skipSpace(false);
      if (this.peek() === ',' || this.peek() === '\n') this.pos++;
      else if (this.peek() !== '}') this.fail('expected "," or "}" in an object');
    }
  }

  private tuple(): unknown[] {
    this.expect('[');
    const result: unknown[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === ']') {
        this.pos++;
        return result;
      }
      result.push(this.value());
      this.skipSpace();
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== ']') this.fail('expected "," or "]" in a list');
    }
  }
}

const DATA_DOCUMENT = /^data\.aws_iam_policy_document\.([A-Za-z_][\w-]*)\.(json|minified_json)$/;
const JSONENCODE = /^jsonencode\s*\(/;

/** What a policy-bearing string attribute holds. */
export function policySource(value: unknown): PolicySource {
  if (typeof value !== 'string') return value && typeof value === 'object' ? { kind: 'document', document: value } : { kind: 'invalid', reason: 'not a string' };
  const text = value.trim();
  try {
    if (text.startsWith('{')) return { kind: 'document', document: JSON.parse(text) };
    if (!text.startsWith('${')) return { kind: 'invalid', reason: 'neither JSON nor a Terraform expression' };
    const parser = new Parser(text);
    if (parser.skipInterpolation(0) !== text.length) return { kind: 'opaque', expression: text };
    const expression = text.slice(2, -1).trim();
    const dataSource = DATA_DOCUMENT.exec(expression);
    if (dataSource) return { kind: 'data-source', address: `data.aws_iam_policy_document.${dataSource[1]}` };
    const call = JSONENCODE.exec(expression);
    if (!call) return { kind: 'opaque', expression: text };
    const inner = new Parser(expression, call[0].length);
    const document = inner.value();
    inner.expect(')');
    if (!inner.atEnd()) return { kind: 'invalid', reason: 'unexpected text after jsonencode(...)' };
    return { kind: 'document', document };
  } catch (error) {
    if (error instanceof ParseError || error instanceof SyntaxError) return { kind: 'invalid', reason: error.message };
    throw error;
  }
}
